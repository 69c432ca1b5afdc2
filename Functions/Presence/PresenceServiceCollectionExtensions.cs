using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Presence;

public static class PresenceServiceCollectionExtensions
{
    /// <summary>The presence feature: options, its two stores, the tracker, anomaly watch (a hosted service), reset and roll-call.</summary>
    public static IServiceCollection AddPresence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<PresenceOptions>, PresenceOptionsValidator>();
        services.AddOptions<PresenceOptions>().BindConfiguration(PresenceOptions.Section).ValidateOnStart();

        // DailyCapacity was never enforced; Capacity means something else (people inside at once), so it is not
        // silently carried over: the operator renames it knowingly.
        var stale = configuration.GetSection(AccessPmcOptions.Section + ":Sites").GetChildren()
            .Where(s => s["DailyCapacity"] is not null)
            .Select(s => $"AccessPmc__Sites__{s.Key}__DailyCapacity")
            .ToList();
        services.AddOptions<AccessPmcOptions>().Validate(
            _ => stale.Count == 0,
            $"{string.Join(", ", stale)}: DailyCapacity was replaced by Capacity (people inside at once, e.g. AccessPmc__Sites__0__Capacity); rename the setting.");

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
