using AccessPmc.Functions.Web;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Functions.Scanner;

public static class ScannerServiceCollectionExtensions
{
    /// <summary>The scanner web app, its API (<c>api/me</c>, <c>api/scans</c>) and the embedded web assets.</summary>
    public static IServiceCollection AddScanner(this IServiceCollection services)
    {
        services.AddOptions<ScannerOptions>()
            .BindConfiguration(ScannerOptions.Section)
            .Validate(
                o => o.RevocationsWarnAfter > TimeSpan.Zero && o.RevocationsRefuseAfter > o.RevocationsWarnAfter && o.RevocationsRefuseAfter.TotalSeconds < int.MaxValue,
                "Scanner__RevocationsWarnAfter must be positive and Scanner__RevocationsRefuseAfter longer, e.g. 1.00:00:00 and 3.00:00:00.")
            .Validate(
                o => o.PublicBaseUrl is null || (o.PublicBaseUrl.IsAbsoluteUri && o.PublicBaseUrl.Scheme is "https" or "http"),
                "Scanner__PublicBaseUrl must be an absolute http(s) URL, e.g. https://pass.example.fr/.")
            .ValidateOnStart();
        services.AddSingleton(_ => WebAssets.FromAssembly(typeof(WebAssets).Assembly));
        services.AddSingleton<EnrolmentLinks>();
        services.AddSingleton<OfflineScanRules>();
        services.AddSingleton<OfflineScanStore>();
        return services;
    }
}
