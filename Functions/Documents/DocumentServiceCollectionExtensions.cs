using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Documents;

public static class DocumentServiceCollectionExtensions
{
    /// <summary>The printable documents: options checked at start (GDPR texts, site names), layout and rendering.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddOptions<DocumentOptions>()
            .BindConfiguration(DocumentOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DocumentOptions>, DocumentOptionsAttributes>();
        services.AddSingleton<IValidateOptions<DocumentOptions>, DocumentOptionsValidator>();
        services.AddSingleton<PrintedPassFactory>();
        services.AddSingleton<DocumentRenderer>();
        services.AddSingleton<PassDocuments>();
        return services;
    }
}
