using AccessPmc.Contracts;
using AccessPmc.Functions.Clients;
using AccessPmc.Functions.Verification;

namespace AccessPmc.Tests.Presence;

/// <summary>Verify with a direction: PMC refuses (capacity 2), JUSSIEU only warns (capacity 1).</summary>
public sealed class EntryExitTests(AzuriteFixture azurite) : AppTests(azurite, "entry", PresenceCalls.WithOtherScanner(new()
{
    ["AccessPmc:Sites:0:Capacity"] = "2",
    ["AccessPmc:Sites:1:Capacity"] = "1",
    ["AccessPmc:Sites:1:CapacityMode"] = "warn",
    ["AccessPmc:Sites:1:AntiPassback"] = "warn",
}))
{
    [Fact]
    public async Task EntryCountsThePassInAndExitCountsItOut()
    {
        var pass = await App.IssuedAsync();

        var entry = await App.EnterAsync(pass.Code);
        var exit = await App.ExitAsync(pass.Code);

        Assert.Equal(new VerifyResponse(VerifyResults.Valid, null, "J. DUPONT", PassKinds.Temporary, pass.ValidUntil, Presence: new PresenceState(1, 2)), entry);
        Assert.Equal(new VerifyResponse(VerifyResults.Valid, null, "J. DUPONT", PassKinds.Temporary, pass.ValidUntil, Presence: new PresenceState(0, 2)), exit);
        Assert.Equal(0, (await App.CounterAsync()).Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Directions.Check)]
    public async Task CheckAnswersAsBeforeAndCountsNobody(string? direction)
    {
        var pass = await App.IssuedAsync();

        var verdict = await App.ScanAsync(pass.Code, "PMC", direction);

        Assert.Equal(new VerifyResponse(VerifyResults.Valid, null, "J. DUPONT", PassKinds.Temporary, pass.ValidUntil), verdict);
        Assert.Empty(await App.Tables.Presence.QueryAsync<Azure.Data.Tables.TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task EntryBeyondCapacityIsSiteFullWithTheCurrentOccupancyAndExitsStillPass()
    {
        var passes = await App.StoredPassesAsync(3);
        await App.EnterAsync(passes[0].Code!);
        await App.EnterAsync(passes[1].Code!);

        var full = await App.EnterAsync(passes[2].Code!);
        var exit = await App.ExitAsync(passes[0].Code!);
        var now = await App.EnterAsync(passes[2].Code!);

        Assert.Equal((VerifyResults.Invalid, VerifyReasons.SiteFull, new PresenceState(2, 2)), (full.Result, full.Reason, full.Presence));
        Assert.Equal("A. PERSON002", full.DisplayLabel);
        Assert.Equal((VerifyResults.Valid, new PresenceState(1, 2)), (exit.Result, exit.Presence));
        Assert.Equal((VerifyResults.Valid, new PresenceState(2, 2)), (now.Result, now.Presence));
    }

    [Fact]
    public async Task SiteThatOnlyWarnsAdmitsOverCapacityAndShowsIt()
    {
        var passes = await App.StoredPassesAsync(2, "JUSSIEU");

        await App.EnterAsync(passes[0].Code!, "JUSSIEU");
        var over = await App.EnterAsync(passes[1].Code!, "JUSSIEU");

        Assert.Equal((VerifyResults.Valid, new PresenceState(2, 1)), (over.Result, over.Presence));
    }

    [Fact]
    public async Task SecondEntryIsAlreadyInsideWithWhenAndThroughWhichScannerItEntered()
    {
        var created = await App.CallAsync<ClientFunctions>("POST", "/api/clients", new CreateClientRequest("Gate 3 (north)", Roles.Scanner, null, ["PMC"]), TestApp.AdminKey, async (f, r) => (await f.Create(r, default)).Result);
        var gate3 = created.Json<ClientWithKey>().ApiKey;
        var pass = await App.IssuedAsync();
        await App.EnterAsync(pass.Code, key: gate3);
        var enteredAt = App.Clock.GetUtcNow();

        App.Clock.Advance(TimeSpan.FromMinutes(7));
        var again = await App.EnterAsync(pass.Code, key: PresenceCalls.OtherScannerKey);

        Assert.Equal((VerifyResults.Invalid, VerifyReasons.AlreadyInside), (again.Result, again.Reason));
        Assert.Equal(new PresenceState(1, 2, enteredAt, "Gate 3 (north)"), again.Presence);
        Assert.Equal(1, (await App.CounterAsync()).Count);
    }

    [Fact]
    public async Task ConfiguredScannerIsNamedByItsId()
    {
        var pass = await App.IssuedAsync();
        await App.EnterAsync(pass.Code);

        var again = await App.EnterAsync(pass.Code, key: PresenceCalls.OtherScannerKey);

        Assert.Equal("scanner-pmc", again.Presence!.EnteredThrough);
    }

    [Fact]
    public async Task SiteThatOnlyWarnsOfPassbackAdmitsWithoutCountingTwiceAndShowsTheFirstEntry()
    {
        var pass = await App.IssuedAsync();
        await App.EnterAsync(pass.Code, "JUSSIEU");
        var enteredAt = App.Clock.GetUtcNow();
        App.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await App.EnterAsync(pass.Code, "JUSSIEU", PresenceCalls.OtherScannerKey);

        Assert.Equal((VerifyResults.Valid, (string?)null), (again.Result, again.Reason));
        Assert.Equal(new PresenceState(1, 1, enteredAt, "scanner-pmc"), again.Presence);
        Assert.Equal(1, (await App.CounterAsync("JUSSIEU")).Count);
        Assert.Contains(await App.RecordedAnomaliesAsync(), a => a.Kind == AnomalyKinds.AlreadyInside && a.PassId == pass.Id);
    }

    [Fact]
    public async Task ExitOfAPassNotInsideIsRecordedNotRefused()
    {
        var pass = await App.IssuedAsync();

        var exit = await App.ExitAsync(pass.Code);
        await App.FlushScansAsync();

        Assert.Equal((VerifyResults.Valid, new PresenceState(0, 2)), (exit.Result, exit.Presence));
        var scan = Assert.Single(await App.Tables.ScanEvents.QueryAsync<ScanEventEntity>().ToListAsync());
        Assert.Equal((Directions.Exit, VerifyResults.Valid, pass.Id), (scan.Direction, scan.Result, scan.PassId));
    }

    [Fact]
    public async Task RevokedPassIsRefusedAtEntryButCountedOutAtExit()
    {
        var inside = await App.IssuedAsync();
        var outside = await App.IssuedAsync();
        await App.EnterAsync(inside.Code);
        await App.RevokeAsync(inside.Id);
        await App.RevokeAsync(outside.Id);

        var entry = await App.EnterAsync(outside.Code);
        var exit = await App.ExitAsync(inside.Code);

        Assert.Equal((VerifyResults.Invalid, VerifyReasons.Revoked, new PresenceState(1, 2)), (entry.Result, entry.Reason, entry.Presence));
        Assert.Equal((VerifyResults.Invalid, VerifyReasons.Revoked, new PresenceState(0, 2)), (exit.Result, exit.Reason, exit.Presence));
        Assert.Equal(0, await App.RowsInsideAsync());
    }

    [Fact]
    public async Task UnreadableCodeAtEntryChangesNothingAndShowsNoPresence()
    {
        var verdict = await App.EnterAsync("PMC1:NOT A PASS");

        Assert.Equal(new VerifyResponse(VerifyResults.Invalid, VerifyReasons.Malformed, null, null, null), verdict);
        Assert.Empty(await App.Tables.Presence.QueryAsync<Azure.Data.Tables.TableEntity>().ToListAsync());
    }

    [Theory]
    [InlineData("sideways")]
    [InlineData("Entry")]
    [InlineData("")]
    public async Task UnknownDirectionIs400WithAStableCode(string direction)
    {
        var pass = await App.IssuedAsync();

        var reply = await App.ScanReplyAsync(pass.Code, "PMC", direction);

        Assert.Equal((400, "application/problem+json", ErrorCodes.UnknownDirection), (reply.Status, reply.ContentType, reply.ProblemCode()));
    }

    [Fact]
    public async Task EntriesAndExitsAreRecordedWithTheirDirectionAndPresenceRefusalsWithTheirReason()
    {
        var pass = await App.IssuedAsync();

        await App.EnterAsync(pass.Code);
        await App.EnterAsync(pass.Code);
        await App.ScanAsync(pass.Code, "PMC", null);
        await App.FlushScansAsync();

        var scans = await App.Tables.ScanEvents.QueryAsync<ScanEventEntity>().ToListAsync();
        Assert.Equal(
            [((string?)null, (string?)null), (Directions.Entry, null), (Directions.Entry, VerifyReasons.AlreadyInside)],
            scans.Select(s => (s.Direction, s.Reason)).OrderBy(x => x.Direction, StringComparer.Ordinal).ThenBy(x => x.Reason, StringComparer.Ordinal).ToList());
    }
}
