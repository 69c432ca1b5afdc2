using AccessPmc.Contracts;

namespace AccessPmc.Tests.Presence;

/// <summary>
/// Exactness under concurrent scans at several gates of one site, on the real Azurite (ETags and transactions are
/// its). The gates are spread over three instances sharing the tables: within an instance changes at a site take
/// turns (<see cref="AccessPmc.Functions.Presence.SiteLanes"/>), across instances only the ETags keep the count exact.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PresenceRaceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Settings =
        PresenceCalls.WithOtherScanner(new() { ["AccessPmc:Sites:0:Capacity"] = "50", ["Auth:PermitsPerSecond"] = "10000", ["Auth:Burst"] = "10000" });

    private readonly List<TestApp> instances = [];

    private TestApp App => instances[0];

    /// <summary>The instance and scanner key the <paramref name="i"/>-th scan goes through: three instances, two gates.</summary>
    private (TestApp App, string Key) Gate(int i) => (instances[i % 3], i % 2 == 0 ? TestApp.ScannerKey : PresenceCalls.OtherScannerKey);

    public async Task InitializeAsync()
    {
        instances.Add(await TestApp.StartAsync(azurite, "prace", Settings));
        for (var i = 0; i < 2; i++)
        {
            instances.Add(await PresenceCalls.SecondInstanceAsync(azurite, App, Settings));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var other in instances.Skip(1))
        {
            await other.Services.DisposeAsync();
        }

        await App.DisposeAsync();
    }

    [Fact]
    public async Task HundredConcurrentEntriesAtASiteOfFiftyAdmitExactlyFifty()
    {
        var passes = await App.StoredPassesAsync(100);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var scans = passes.Select((p, i) => Task.Run(async () =>
        {
            await start.Task;
            var (app, key) = Gate(i);
            return await app.EnterAsync(p.Code!, key: key);
        })).ToList();
        start.SetResult();
        var verdicts = await Task.WhenAll(scans);

        Assert.Equal(50, verdicts.Count(v => v.Result == VerifyResults.Valid));
        Assert.Equal(50, verdicts.Count(v => v.Reason == VerifyReasons.SiteFull));
        Assert.All(verdicts.Where(v => v.Reason == VerifyReasons.SiteFull), v => Assert.Equal(new PresenceState(50, 50), v.Presence));
        Assert.Equal(50, (await App.CounterAsync()).Count);
        Assert.Equal(50, await App.RowsInsideAsync());
    }

    [Fact]
    public async Task InterleavedEntriesAndExitsLoseNoUpdate()
    {
        // 30 passes go in and out three times and stay in; 20 only enter: every write hits the one counter.
        var cycling = await App.StoredPassesAsync(30);
        var entering = await App.StoredPassesAsync(20);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var scans = cycling.Select((p, i) => Task.Run(async () =>
        {
            await start.Task;
            var verdicts = new List<VerifyResponse>();
            for (var round = 0; round < 3; round++)
            {
                var (app, key) = Gate(i + round);
                verdicts.Add(await app.EnterAsync(p.Code!, key: key));
                (app, key) = Gate(i + round + 1);
                verdicts.Add(await app.ExitAsync(p.Code!, key: key));
            }

            var (last, lastKey) = Gate(i);
            verdicts.Add(await last.EnterAsync(p.Code!, key: lastKey));
            return verdicts;
        })).Concat(entering.Select((p, i) => Task.Run(async () =>
        {
            await start.Task;
            var (app, key) = Gate(i);
            return new List<VerifyResponse> { await app.EnterAsync(p.Code!, key: key) };
        }))).ToList();
        start.SetResult();
        var all = (await Task.WhenAll(scans)).SelectMany(v => v).ToList();

        Assert.Equal(30 * 7 + 20, all.Count);
        Assert.All(all, v => Assert.Equal(VerifyResults.Valid, v.Result));
        Assert.Equal(50, (await App.CounterAsync()).Count);
        Assert.Equal(50, await App.RowsInsideAsync());
    }

    [Fact]
    public async Task TwoConcurrentEntriesOfOnePassAtTwoGatesAdmitExactlyOne()
    {
        // Twenty passes, each presented at two gates at once: a race is lost twenty times, not once by luck.
        var passes = await App.StoredPassesAsync(20);

        var outcomes = new List<(VerifyResponse A, VerifyResponse B)>();
        foreach (var (pass, i) in passes.Select((p, i) => (p, i)))
        {
            // Same instance (the lane serialises them) or two instances (only the ETags do), by turns.
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var a = Task.Run(async () => { await start.Task; return await App.EnterAsync(pass.Code!); });
            var b = Task.Run(async () => { await start.Task; return await instances[i % 2].EnterAsync(pass.Code!, key: PresenceCalls.OtherScannerKey); });
            start.SetResult();
            outcomes.Add((await a, await b));
        }

        Assert.All(outcomes, o =>
        {
            var verdicts = new[] { o.A, o.B };
            Assert.Single(verdicts, v => v.Result == VerifyResults.Valid);
            Assert.Single(verdicts, v => v.Reason == VerifyReasons.AlreadyInside);
        });
        Assert.Equal(20, (await App.CounterAsync()).Count);
        Assert.Equal(20, await App.RowsInsideAsync());
    }
}
