using AccessPmc.Contracts;

namespace AccessPmc.Tests.Presence;

/// <summary>Exactness under concurrent scans at several gates of one site, on the real Azurite (ETags and transactions are its).</summary>
public sealed class PresenceRaceTests(AzuriteFixture azurite)
    : AppTests(azurite, "prace", PresenceCalls.WithOtherScanner(new() { ["AccessPmc:Sites:0:Capacity"] = "50", ["Auth:PermitsPerSecond"] = "10000", ["Auth:Burst"] = "10000" }))
{
    [Fact]
    public async Task HundredConcurrentEntriesAtASiteOfFiftyAdmitExactlyFifty()
    {
        var passes = await App.StoredPassesAsync(100);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var scans = passes.Select((p, i) => Task.Run(async () =>
        {
            await start.Task;
            return await App.EnterAsync(p.Code!, key: i % 2 == 0 ? TestApp.ScannerKey : PresenceCalls.OtherScannerKey);
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
            var key = i % 2 == 0 ? TestApp.ScannerKey : PresenceCalls.OtherScannerKey;
            var verdicts = new List<VerifyResponse>();
            for (var round = 0; round < 3; round++)
            {
                verdicts.Add(await App.EnterAsync(p.Code!, key: key));
                verdicts.Add(await App.ExitAsync(p.Code!, key: key));
            }

            verdicts.Add(await App.EnterAsync(p.Code!, key: key));
            return verdicts;
        })).Concat(entering.Select(p => Task.Run(async () =>
        {
            await start.Task;
            return new List<VerifyResponse> { await App.EnterAsync(p.Code!) };
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
        foreach (var pass in passes)
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var a = Task.Run(async () => { await start.Task; return await App.EnterAsync(pass.Code!); });
            var b = Task.Run(async () => { await start.Task; return await App.EnterAsync(pass.Code!, key: PresenceCalls.OtherScannerKey); });
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
