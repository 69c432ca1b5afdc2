using AccessPmc.Contracts;
using AccessPmc.Functions.Presence;
using AccessPmc.PassFormat;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Presence;

/// <summary>Offline scans applied after the fact, through the method <c>POST /api/scans</c> calls. PMC holds 2 and refuses when full.</summary>
public sealed class OfflinePresenceTests(AzuriteFixture azurite) : AppTests(azurite, "offline", new Dictionary<string, string?>
{
    ["AccessPmc:Sites:0:Capacity"] = "2",
    ["Presence:ProbeCodes"] = "3",
})
{
    private OfflinePresence Offline => App.Services.GetRequiredService<OfflinePresence>();

    private static OfflineScan Scan(string? passId, DateTimeOffset at, string? direction, string site = "PMC", string result = VerifyResults.Valid, string? reason = null) =>
        new(Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), site, at, passId, result, reason, direction);

    [Fact]
    public async Task ScansAreAppliedInTheirTimeOrderWhateverTheUploadOrder()
    {
        var pass = await App.IssuedAsync();
        App.Clock.Advance(TimeSpan.FromHours(3));

        var run = await Offline.ApplyAsync("scanner-pmc", [Scan(pass.Id, TestApp.Start.AddHours(2), Directions.Exit), Scan(pass.Id, TestApp.Start.AddHours(1), Directions.Entry)], default);

        Assert.Equal(new OfflinePresenceRun(Entered: 1, Exited: 1, History: 0, Anomalies: 0), run);
        Assert.Equal(0, (await App.CounterAsync()).Count);
        var rows = await App.Tables.Presence.QueryAsync<PresenceEntity>(r => r.RowKey == pass.Id).ToListAsync();
        Assert.Equal((PresenceEntity.Outside, TestApp.Start.AddHours(1), TestApp.Start.AddHours(2)), (rows[0].State, rows[0].EnteredAt, rows[0].ExitedAt));
    }

    [Fact]
    public async Task UploadingTheSameScansAgainChangesNothing()
    {
        var pass = await App.IssuedAsync();
        await App.RevokeAsync(pass.Id);
        App.Clock.Advance(TimeSpan.FromHours(3));
        IReadOnlyList<OfflineScan> scans = [Scan(pass.Id, TestApp.Start.AddHours(1), Directions.Entry), Scan(pass.Id, TestApp.Start.AddHours(2), Directions.Exit), Scan(pass.Id, TestApp.Start.AddHours(2.5), Directions.Entry)];

        var first = await Offline.ApplyAsync("scanner-pmc", scans, default);
        var again = await Offline.ApplyAsync("scanner-pmc", scans, default);

        Assert.Equal(new OfflinePresenceRun(2, 1, 0, 3), first);
        Assert.Equal((0, 0), (again.Entered, again.Exited));
        Assert.Equal(1, (await App.CounterAsync()).Count);
        Assert.Equal(3, (await App.RecordedAnomaliesAsync()).Count);
    }

    [Fact]
    public async Task OfflineEntryOfAPassAlreadyInsideIsRecordedAfterTheFact()
    {
        var pass = await App.IssuedAsync();
        await App.EnterAsync(pass.Code);
        App.Clock.Advance(TimeSpan.FromHours(1));

        var run = await Offline.ApplyAsync("scanner-pmc", [Scan(pass.Id, TestApp.Start.AddMinutes(30), Directions.Entry)], default);

        Assert.Equal(new OfflinePresenceRun(0, 0, 0, 1), run);
        var anomaly = Assert.Single(await App.RecordedAnomaliesAsync());
        Assert.Equal((AnomalyKinds.AlreadyInside, true, TestApp.Start.AddMinutes(30), App.Clock.GetUtcNow()), (anomaly.Kind, anomaly.AfterTheFact, anomaly.At, anomaly.RecordedAt));
        Assert.Equal(1, (await App.CounterAsync()).Count);
    }

    [Fact]
    public async Task PassRevokedBeforeItWasScannedOfflineIsRevealedAfterTheFact()
    {
        var pass = await App.IssuedAsync();
        App.Clock.Advance(TimeSpan.FromHours(1));
        await App.RevokeAsync(pass.Id);
        App.Clock.Advance(TimeSpan.FromHours(1));

        await Offline.ApplyAsync("scanner-pmc", [Scan(pass.Id, TestApp.Start.AddMinutes(30), null), Scan(pass.Id, TestApp.Start.AddMinutes(90), null)], default);

        var anomaly = Assert.Single(await App.RecordedAnomaliesAsync());
        Assert.Equal((AnomalyKinds.RevokedPresented, TestApp.Start.AddMinutes(90), true), (anomaly.Kind, anomaly.At, anomaly.AfterTheFact));
    }

    [Fact]
    public async Task OfflineEntriesCountWhateverTheCapacityTheGateAlreadyLetThemIn()
    {
        var passes = await App.StoredPassesAsync(3);
        App.Clock.Advance(TimeSpan.FromHours(1));

        var run = await Offline.ApplyAsync("scanner-pmc", passes.Select((p, i) => Scan(p.Id, TestApp.Start.AddMinutes(i), Directions.Entry)).ToList(), default);

        Assert.Equal(3, run.Entered);
        Assert.Equal(3, (await App.CounterAsync()).Count);
        Assert.Equal(VerifyReasons.SiteFull, (await App.EnterAsync((await App.IssuedAsync()).Code)).Reason);
    }

    [Fact]
    public async Task ScansOlderThanTheLastResetOrTheLastChangeAreHistory()
    {
        var pass = await App.IssuedAsync();
        await App.EnterAsync(pass.Code);
        App.Clock.Advance(TimeSpan.FromMinutes(30));
        await App.ExitAsync(pass.Code);

        var run = await Offline.ApplyAsync(
            "scanner-pmc",
            [Scan(pass.Id, TestApp.Start.AddHours(-7), Directions.Entry), Scan(pass.Id, TestApp.Start.AddMinutes(10), Directions.Exit)],
            default);

        Assert.Equal(new OfflinePresenceRun(0, 0, 2, 0), run);
        Assert.Equal(0, (await App.CounterAsync()).Count);
    }

    [Fact]
    public async Task EntryOfflineAtOneSiteWhileInsideAnotherIsRevealedAfterTheFact()
    {
        var pass = await App.IssuedAsync();
        await App.EnterAsync(pass.Code, "JUSSIEU");
        App.Clock.Advance(TimeSpan.FromHours(2));

        await Offline.ApplyAsync("scanner-pmc", [Scan(pass.Id, TestApp.Start.AddHours(1), Directions.Entry)], default);

        var anomaly = Assert.Single(await App.RecordedAnomaliesAsync());
        Assert.Equal((AnomalyKinds.InsideTwoSites, true, TestApp.Start), (anomaly.Kind, anomaly.AfterTheFact, anomaly.OtherAt));
        Assert.Equal(["PMC", "JUSSIEU"], anomaly.Sites);
    }

    [Fact]
    public async Task BurstOfForgedCodesOfflineIsAProbeAfterTheFact()
    {
        App.Clock.Advance(TimeSpan.FromHours(1));
        var forged = Enumerable.Range(0, 3).Select(i => Scan(null, TestApp.Start.AddSeconds(i * 5), null, result: VerifyResults.Invalid, reason: VerifyReasons.BadSignature)).ToList();

        await Offline.ApplyAsync("scanner-pmc", forged, default);
        await Offline.ApplyAsync("scanner-pmc", forged, default);

        var probe = Assert.Single(await App.RecordedAnomaliesAsync());
        Assert.Equal((AnomalyKinds.Probe, 3, true), (probe.Kind, probe.Count, probe.AfterTheFact));
    }

    [Fact]
    public async Task ItemsWithoutIdTimeOrCatalogueSiteAreSkipped()
    {
        var pass = await App.IssuedAsync();

        var run = await Offline.ApplyAsync(
            "scanner-pmc",
            [new OfflineScan(null, "PMC", TestApp.Start, pass.Id, VerifyResults.Valid, null, Directions.Entry), Scan(pass.Id, TestApp.Start, Directions.Entry, site: "MARS")],
            default);

        Assert.Equal(new OfflinePresenceRun(0, 0, 0, 0), run);
        Assert.Empty(await App.Tables.Presence.QueryAsync<PresenceEntity>().ToListAsync());
    }
}
