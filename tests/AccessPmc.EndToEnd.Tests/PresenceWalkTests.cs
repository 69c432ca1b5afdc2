using AccessPmc.Contracts;
using AccessPmc.EndToEnd.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AccessPmc.EndToEnd.Tests;

/// <summary>Presence over real HTTP with <see cref="AccessPmcClient"/>: directions, capacity, anti-passback, roll-call, anomalies. PMC holds one person.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PresenceWalkTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 16, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private RunningHost host = null!;

    public async Task InitializeAsync() =>
        host = await RunningHost.StartAsync(azurite, new Dictionary<string, string?> { ["AccessPmc:Sites:0:Capacity"] = "1" }, clock: clock);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private Task<PassResponse> IssueAsync(string given) =>
        host.Issuer.IssuePassAsync(new IssuePassRequest(given, "Dupont", PassKinds.Temporary, Start, Start.AddDays(2), ["PMC"]));

    [Fact]
    public async Task EntriesAndExitsMoveTheOccupancyAndAFullSiteRefusesUntilSomeoneLeaves()
    {
        var first = await IssueAsync("Jeanne");
        var second = await IssueAsync("Marc");

        var check = await host.Scanner.VerifyAsync(first.Code, "PMC");
        var entered = await host.Scanner.VerifyAsync(first.Code, "PMC", Directions.Entry);
        var full = await host.Scanner.VerifyAsync(second.Code, "PMC", Directions.Entry);
        var left = await host.Scanner.VerifyAsync(first.Code, "PMC", Directions.Exit);
        var now = await host.Scanner.VerifyAsync(second.Code, "PMC", Directions.Entry);

        Assert.Equal((VerifyResults.Valid, (PresenceState?)null), (check.Result, check.Presence));
        Assert.Equal((VerifyResults.Valid, new PresenceState(1, 1)), (entered.Result, entered.Presence));
        Assert.Equal((VerifyReasons.SiteFull, new PresenceState(1, 1)), (full.Reason, full.Presence));
        Assert.Equal((VerifyResults.Valid, new PresenceState(0, 1)), (left.Result, left.Presence));
        Assert.Equal((VerifyResults.Valid, new PresenceState(1, 1)), (now.Result, now.Presence));
    }

    [Fact]
    public async Task SecondEntryIsAlreadyInsideAndTheAdminSeesTheAnomaly()
    {
        var gate = await host.Admin.CreateClientAsync(new CreateClientRequest("Gate North", Roles.Scanner, null, ["PMC"]));
        var pass = await IssueAsync("Jeanne");
        await host.Client(gate.ApiKey).VerifyAsync(pass.Code, "PMC", Directions.Entry);
        clock.Advance(TimeSpan.FromMinutes(4));

        var again = await host.Scanner.VerifyAsync(pass.Code, "PMC", Directions.Entry);
        IReadOnlyList<Anomaly> anomalies = [];
        await RunningHost.WaitUntilAsync(
            async () => (anomalies = (await host.Admin.GetAnomaliesAsync("PMC")).Items).Count > 0,
            "the anomaly was recorded behind the answer");

        Assert.Equal((VerifyResults.Invalid, VerifyReasons.AlreadyInside), (again.Result, again.Reason));
        Assert.Equal(new PresenceState(1, 1, Start, "Gate North"), again.Presence);
        var anomaly = Assert.Single(anomalies);
        Assert.Equal((AnomalyKinds.AlreadyInside, pass.Id, Start.AddMinutes(4)), (anomaly.Kind, anomaly.PassId, anomaly.At));
    }

    [Fact]
    public async Task ScannerOfTheSiteTakesTheRollCallAsJsonAndCsv()
    {
        var pass = await IssueAsync("Jeanne");
        await host.Scanner.VerifyAsync(pass.Code, "PMC", Directions.Entry);

        var call = await host.Scanner.GetSitePresenceAsync("PMC");
        var csv = await host.Scanner.GetSitePresenceCsvAsync("PMC");
        var elsewhere = await Assert.ThrowsAsync<AccessPmcException>(() => host.Scanner.GetSitePresenceAsync("VILLEJUIF"));

        Assert.Equal((1, 1), (call.Occupancy, call.Capacity));
        Assert.Equal(new RollCallEntry(pass.Id, "J. DUPONT", PassKinds.Temporary, Start, "scanner-pmc"), Assert.Single(call.Inside));
        // The byte-order mark makes spreadsheets read the names as UTF-8 (docs/decisions.md, D44).
        Assert.Equal($"\uFEFFdisplayLabel,kind,enteredAt,enteredThrough,passId\r\nJ. DUPONT,temporary,2026-03-16 09:00,scanner-pmc,{pass.Id}\r\n", csv);
        Assert.Equal((403, ErrorCodes.SiteNotAllowed), ((int)elsewhere.Status, elsewhere.Code));
    }

    [Fact]
    public async Task UnknownDirectionIsAProblemWithAStableCode()
    {
        var pass = await IssueAsync("Jeanne");

        var refused = await Assert.ThrowsAsync<AccessPmcException>(() => host.Scanner.VerifyAsync(pass.Code, "PMC", "inward"));

        Assert.Equal((400, ErrorCodes.UnknownDirection), ((int)refused.Status, refused.Code));
    }
}
