using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Functions.Statistics;

public static class StatisticsServiceCollectionExtensions
{
    /// <summary>The statistics feature: its store (the only writer of <c>Statistics</c>), the recorder (a hosted service that flushes on stop) and the reader.</summary>
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddSingleton<StatsStore>();
        services.AddSingleton<StatsRecorder>();
        services.AddSingleton<StatsReader>();
        services.AddHostedService(sp => sp.GetRequiredService<StatsRecorder>());
        return services;
    }
}
