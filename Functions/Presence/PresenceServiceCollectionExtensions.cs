using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Presence;

public static class PresenceServiceCollectionExtensions
{
    /// <summary>The presence feature: options, its two stores, the tracker, anomaly watch (a hosted service), reset and roll-call.</summary>
    public static IServiceCollection AddPresence(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<PresenceOptions>, PresenceOptionsValidator>();
        services.AddOptions<PresenceOptions>().BindConfiguration(PresenceOptions.Section).ValidateOnStart();

        services.AddSingleton<PresenceStore>();
        services.AddSingleton<AnomalyStore>();
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<AnomalyDetector>();
        services.AddSingleton<AnomalyWatch>();
        services.AddSingleton<OfflinePresence>();
        services.AddSingleton<PresenceResetter>();
        services.AddSingleton<RollCalls>();
        services.AddHostedService(sp => sp.GetRequiredService<AnomalyWatch>());
        return services;
    }
}
