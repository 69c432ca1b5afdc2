using System.Diagnostics;
using System.Globalization;
using System.Text;
using AccessPmc.Contracts;
using AccessPmc.Functions;
using AccessPmc.Functions.Statistics;
using AccessPmc.Functions.Storage;
using AccessPmc.PassFormat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccessPmc.Load;

/// <summary>
/// What a 30-day statistics query costs (bench/stats/run.sh): counters seeded through the service's own recorder
/// (3 sites scanned every hour, 10 units issuing 2 kinds during 8 office hours a day, occupancy moving every hour),
/// at two event volumes, then the query of the console's dashboard read the way <c>GET /api/stats</c> reads it.
/// Rows read and the median time of 7 runs are reported; they follow the buckets, not the events.
/// </summary>
public static class StatsCost
{
    private static readonly string[] Sites = ["PMC", "JUSSIEU", "VILLEJUIF"];
    private static readonly string[] Reasons = [VerifyReasons.Expired, VerifyReasons.Revoked, VerifyReasons.Malformed, VerifyReasons.WrongSite];

    public static async Task<string> RunAsync(string connection)
    {
        var report = new StringBuilder("| scans per site and hour | events seeded | granularity | rows read | median time (ms) |\n|---|---|---|---|---|\n");
        foreach (var perHour in new[] { 20, 200 })
        {
            await using var services = Services(connection);
            await services.GetRequiredService<Tables>().EnsureCreatedAsync(default);
            var end = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
            var events = await SeedAsync(services.GetRequiredService<StatsRecorder>(), end.AddDays(-35), end, perHour);
            foreach (var granularity in new[] { Granularities.Hour, Granularities.Day })
            {
                var query = new StatsQuery(end.AddDays(-30), end, granularity, Sites, null);
                var reader = services.GetRequiredService<StatsReader>();
                var runs = new List<(double Ms, int Rows)>();
                for (var i = 0; i < 7; i++)
                {
                    var watch = Stopwatch.StartNew();
                    var read = await reader.ReadAsync(query, default);
                    runs.Add((watch.Elapsed.TotalMilliseconds, read.RowsRead));
                }

                var median = runs.OrderBy(r => r.Ms).ElementAt(runs.Count / 2);
                report.Append(CultureInfo.InvariantCulture, $"| {perHour} | {events:N0} | {granularity} | {median.Rows:N0} | {median.Ms:F0} |\n");
            }

            foreach (var table in services.GetRequiredService<Tables>().All)
            {
                await table.DeleteAsync();
            }
        }

        return report.ToString();
    }

    private static async Task<long> SeedAsync(StatsRecorder recorder, DateTimeOffset from, DateTimeOffset to, int perHour)
    {
        long events = 0;
        for (var hour = from; hour < to; hour = hour.AddHours(1))
        {
            foreach (var site in Sites)
            {
                for (var i = 0; i < perHour; i++)
                {
                    var at = hour.AddSeconds(i * 3600 / perHour);
                    var refused = i % 10 == 0;
                    recorder.Scan(site, at, refused ? VerifyResults.Invalid : VerifyResults.Valid, refused ? Reasons[i % Reasons.Length] : null, (i % 3) switch { 0 => null, 1 => Directions.Entry, _ => Directions.Exit }, offline: i % 50 == 0);
                    events++;
                }

                recorder.Occupancy(site, new OccupancySample(hour.AddMinutes(30), hour.Hour * 10, 500));
            }

            if (hour.Hour is >= 8 and < 16)
            {
                for (var unit = 0; unit < 10; unit++)
                {
                    recorder.Pass($"UNIT{unit}", PassKinds.Temporary, hour, StatsProperties.Issued);
                    recorder.Pass($"UNIT{unit}", PassKinds.LongTerm, hour, StatsProperties.Revoked);
                    events += 2;
                }
            }

            if (hour.Hour == 0)
            {
                await recorder.FlushAsync();
            }
        }

        await recorder.FlushAsync();
        return events;
    }

    private static ServiceProvider Services(string connection)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connection,
            ["Storage:TablePrefix"] = "statscost" + Guid.NewGuid().ToString("N")[..6],
            ["Signing:Keys:0:Pem"] = SigningKey.Generate().ExportPrivatePem(),
        };
        for (var i = 0; i < Sites.Length; i++)
        {
            settings[$"AccessPmc:Sites:{i}:Code"] = Sites[i];
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddAccessPmc(configuration)
            .BuildServiceProvider();
    }
}
