using AccessPmc.Contracts;
using AccessPmc.Functions.Statistics;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Statistics;

/// <summary>
/// Counters stay exact when several instances count the same buckets at once (ETag-guarded transactions,
/// retried on conflict), and when a transaction committed but its answer was lost.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StatsConcurrencyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = TestApp.Start;

    private TestApp first = null!;
    private TestApp second = null!;

    public async Task InitializeAsync()
    {
        first = await TestApp.StartAsync(azurite, "cstats");
        second = await PresenceCalls.SecondInstanceAsync(azurite, first, []);
    }

    public async Task DisposeAsync()
    {
        await second.Services.DisposeAsync();
        await first.DisposeAsync();
    }

    /// <summary>Scans in parallel on one instance, flushing between waves, while the other does the same on the same buckets.</summary>
    private static async Task ScanInWavesAsync(TestApp app, string code, int waves, int perWave)
    {
        for (var wave = 0; wave < waves; wave++)
        {
            await Parallel.ForAsync(0, perWave, async (i, _) => await app.VerifyAsync(i % 5 == 0 ? "garbage" : code, i % 2 == 0 ? "PMC" : "JUSSIEU"));
            await app.FlushStatsAsync();
        }
    }

    [Fact]
    public async Task ParallelScansOnTwoInstancesAreCountedExactly()
    {
        var pass = await first.IssuedAsync();

        await Task.WhenAll(ScanInWavesAsync(first, pass.Code, waves: 6, perWave: 40), ScanInWavesAsync(second, pass.Code, waves: 6, perWave: 40));
        await second.FlushStatsAsync();
        var stats = await first.StatsAsync(Start, Start.AddHours(1));
        var day = await second.StatsAsync(Start, Start.AddDays(1), Granularities.Day);

        // Per wave of 40: 20 at PMC (4 garbage), 20 at JUSSIEU (4 garbage); 12 waves in all.
        Assert.Equal(
            ["JUSSIEU 2026-03-16T08 valid 192 invalid 48 offline 0 reasons [malformed=48] directions [check=240]", "PMC 2026-03-16T08 valid 192 invalid 48 offline 0 reasons [malformed=48] directions [check=240]"],
            stats.Scans.OrderBy(b => b.Site, StringComparer.Ordinal).Select(b => b.Line()));
        Assert.Equal([240, 240], day.Scans.Select(b => b.Valid + b.Invalid));
    }

    [Fact]
    public async Task ParallelIssuanceOnTwoInstancesIsCountedExactly()
    {
        static async Task IssueInWavesAsync(TestApp app)
        {
            for (var wave = 0; wave < 6; wave++)
            {
                await Parallel.ForAsync(0, 10, async (_, _) => await app.IssuedAsync());
                await app.FlushStatsAsync();
            }
        }

        await Task.WhenAll(IssueInWavesAsync(first), IssueInWavesAsync(second));
        await second.FlushStatsAsync();

        var stats = await first.StatsAsync(Start, Start.AddHours(1));

        Assert.Equal(["PHYS temporary 2026-03-16T08 issued 120 revoked 0 expired 0"], stats.Passes.Select(b => b.Line()));
    }

    [Fact]
    public async Task AFlushWhoseAnswerWasLostIsAppliedOnce()
    {
        var faults = new LostReplyHandler(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal));
        await using var app = await TestApp.StartAsync(azurite, "lstats", null, s =>
            s.AddSingleton(new TableServiceClient(azurite.ConnectionString, new TableClientOptions
            {
                Transport = new HttpClientTransport(new HttpClient(faults)),
                Retry = { Delay = TimeSpan.FromMilliseconds(10), MaxRetries = 3 },
            })));
        var recorder = app.Services.GetRequiredService<StatsRecorder>();
        recorder.Scan("PMC", Start, VerifyResults.Valid, null, null, offline: false);
        recorder.Scan("PMC", Start, VerifyResults.Valid, null, null, offline: false);
        await app.FlushStatsAsync();
        recorder.Scan("PMC", Start, VerifyResults.Valid, null, null, offline: false);

        var stats = await app.StatsAsync(Start, Start.AddHours(1));

        Assert.Equal(1, faults.Lost);
        Assert.Equal(["PMC 2026-03-16T08 valid 3 invalid 0 offline 0 reasons [] directions [check=3]"], stats.Scans.Select(b => b.Line()));
    }
}
