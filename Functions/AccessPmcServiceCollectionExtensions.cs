using AccessPmc.Contracts;
using AccessPmc.Functions.Clients;
using AccessPmc.Functions.Documents;
using AccessPmc.Functions.Expiry;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Presence;
using AccessPmc.Functions.Privacy;
using AccessPmc.Functions.Scanner;
using AccessPmc.Functions.Security;
using AccessPmc.Functions.Statistics;
using AccessPmc.Functions.Storage;
using AccessPmc.Functions.Verification;
using AccessPmc.PassFormat;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions;

public static class AccessPmcServiceCollectionExtensions
{
    /// <summary>Everything the functions need, for the Functions host, SelfHost and tests alike.</summary>
    public static IServiceCollection AddAccessPmc(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new TableServiceClient(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString,
            new TableClientOptions { RetryPolicy = new StorageRetryPolicy(), Retry = { NetworkTimeout = TimeSpan.FromSeconds(15) } }));
        services.AddSingleton<Tables>();
        services.AddPassFormat(configuration);

        // One store per table (or per group of a feature's tables): the only writers of each.
        services.AddSingleton<PassStore>();
        services.AddSingleton<PassIndexes>();
        services.AddSingleton<RevocationStore>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<ClientStore>();
        services.AddSingleton<ScanStore>();

        services.AddSingleton<Authenticator>();
        services.AddSingleton<RateLimits>();
        services.AddSingleton<RequestGate>();
        services.AddSingleton<ClientRules>();
        services.AddSingleton<PassRules>();
        services.AddSingleton<PassAccess>();
        services.AddSingleton<PassIssuer>();
        services.AddSingleton<BatchIssuer>();
        services.AddSingleton<CsvBatch>();
        services.AddSingleton<ScanLog>();
        services.AddSingleton<PassVerifier>();
        services.AddSingleton<PassExpirer>();
        services.AddSingleton<PersonalDataPurger>();
        services.AddSingleton<HolderData>();
        services.AddDocuments();
        services.AddScanner();
        services.AddPresence(configuration);
        services.AddStatistics();

        services.AddHostedService<StartupChecks>();
        services.AddHostedService<TableInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<ScanLog>());
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AccessPmcJson.Default));
        return services;
    }

    private static void AddOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<AccessPmcOptions>, AccessPmcOptionsValidator>();
        services.AddOptions<AccessPmcOptions>()
            .BindConfiguration(AccessPmcOptions.Section)
            .Validate(o => o.Kinds.Keys.All(PassKinds.All.Contains) && o.Kinds.Values.All(k => k.MaxValidity > TimeSpan.Zero), "AccessPmc__Kinds: known kinds only, each with a positive MaxValidity.")
            .Validate(o => o.Sites.All(s => TimeZoneInfo.TryFindSystemTimeZoneById(s.TimeZone, out _)), "AccessPmc__Sites: each TimeZone must be an IANA id such as Europe/Paris.")
            .Validate(o => o.Kinds.Values.All(k => k.AllowedHours is null || k.Window() is not null), "AccessPmc__Kinds__<kind>__AllowedHours: HH:mm-HH:mm, start before end, e.g. 07:00-20:00.")
            .ValidateOnStart();
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .PostConfigure(o => o.ConnectionString ??= configuration["AzureWebJobsStorage"])
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), "Set AzureWebJobsStorage (or Storage__ConnectionString), e.g. UseDevelopmentStorage=true.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
    }

    /// <summary>The signing key ring (from <c>Signing</c>), the codec and the offline checks with the configured clock skew.</summary>
    private static void AddPassFormat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SigningOptions>().BindConfiguration(SigningOptions.Section).ValidateOnStart();
        services.AddSingleton(sp => SigningKeyRing.Load(
            sp.GetRequiredService<IOptions<SigningOptions>>().Value,
            IsDevelopment(sp, configuration),
            (key, path) => sp.GetRequiredService<ILoggerFactory>().CreateLogger<SigningKeyRing>()
                .LogWarning("Development: generated signing key {KeyId} at {Path}; configure Signing__Keys for production", key.KeyId, path)));
        services.AddSingleton<PassCodec>();
        services.AddSingleton(sp => new OfflineVerifier(sp.GetRequiredService<PassCodec>(), sp.GetRequiredService<IOptions<AccessPmcOptions>>().Value.ClockSkew));
    }

    private static bool IsDevelopment(IServiceProvider sp, IConfiguration configuration) =>
        sp.GetService<IHostEnvironment>()?.IsDevelopment() == true
        || string.Equals(configuration["AZURE_FUNCTIONS_ENVIRONMENT"], Environments.Development, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Fails the start, with the reason, when the signing keys or API clients are misconfigured.</summary>
internal sealed class StartupChecks(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<SigningKeyRing>();
        services.GetRequiredService<Authenticator>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
