using AccessPmc.Contracts;

namespace AccessPmc.Tests.Presence;

public sealed class RollCallTests(AzuriteFixture azurite) : AppTests(azurite, "rollcall", PresenceCalls.WithOtherScanner(new() { ["AccessPmc:Sites:0:Capacity"] = "10" }))
{
    [Fact]
    public async Task RollCallListsWhoIsInsideNowByLabelWithEntryTimesAndScanners()
    {
        var passes = await App.StoredPassesAsync(4);
        await App.EnterAsync(passes[2].Code!);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await App.EnterAsync(passes[0].Code!, key: PresenceCalls.OtherScannerKey);
        await App.EnterAsync(passes[3].Code!);
        await App.EnterAsync(passes[1].Code!);
        await App.ExitAsync(passes[3].Code!);

        var reply = await App.RollCallAsync("PMC");

        Assert.Equal((200, "no-store"), (reply.Status, reply.Headers.CacheControl.ToString()));
        var call = reply.Json<RollCall>();
        Assert.Equal(("PMC", "Pierre et Marie Curie", 3, 10), (call.Site, call.Name, call.Occupancy, call.Capacity));
        Assert.Equal(["A. PERSON000", "A. PERSON001", "A. PERSON002"], call.Inside.Select(e => e.DisplayLabel));
        Assert.Equal(
            new RollCallEntry(passes[0].Id, "A. PERSON000", PassKinds.Temporary, TestApp.Start.AddMinutes(1), "scanner-pmc-2"),
            call.Inside[0]);
        Assert.Equal(TestApp.Start, call.Inside[2].EnteredAt);
    }

    [Fact]
    public async Task CsvIsPrintableWithLocalTimes()
    {
        var pass = await App.IssuedAsync();
        await App.EnterAsync(pass.Code);

        var reply = await App.RollCallAsync("PMC", query: "?format=csv");

        Assert.Equal((200, "text/csv; charset=utf-8"), (reply.Status, reply.ContentType));
        Assert.Equal($"displayLabel,kind,enteredAt,enteredThrough,passId\r\nJ. DUPONT,temporary,2026-03-16 09:00,scanner-pmc,{pass.Id}\r\n", reply.Body);
        Assert.Contains("presence-PMC-20260316T0800Z.csv", reply.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CsvStartsWithAByteOrderMarkSoSpreadsheetsReadItAsUtf8()
    {
        var call = new RollCall("PMC", "Pierre et Marie Curie", "Europe/Paris", TestApp.Start, 0, null, null, []);

        Assert.Equal([0xEF, 0xBB, 0xBF, (byte)'d'], AccessPmc.Functions.Presence.RollCalls.Csv(call)[..4]);
    }

    [Fact]
    public async Task CsvForFrenchSpreadsheetsIsSemicolonSeparated()
    {
        var pass = await App.IssuedAsync();
        await App.EnterAsync(pass.Code);

        var reply = await App.RollCallAsync("PMC", query: "?format=csv&separator=semicolon");

        Assert.Equal($"displayLabel;kind;enteredAt;enteredThrough;passId\r\nJ. DUPONT;temporary;2026-03-16 09:00;scanner-pmc;{pass.Id}\r\n", reply.Body);
    }

    [Theory]
    [InlineData("PMC", TestApp.ScannerKey, 200, null)]
    [InlineData("VILLEJUIF", TestApp.ScannerKey, 403, ErrorCodes.SiteNotAllowed)]
    [InlineData("PMC", TestApp.IssuerKey, 403, ErrorCodes.Forbidden)]
    [InlineData("MARS", TestApp.AdminKey, 404, ErrorCodes.NotFound)]
    [InlineData("PMC", null, 401, ErrorCodes.Unauthenticated)]
    public async Task AdminsAndTheSitesOwnScannersMayTakeTheRollCall(string site, string? key, int status, string? code)
    {
        var reply = await App.RollCallAsync(site, key);

        Assert.Equal((status, code), (reply.Status, status == 200 ? null : reply.ProblemCode()));
    }

    [Fact]
    public async Task UnknownFormatIs400()
    {
        var reply = await App.RollCallAsync("PMC", query: "?format=pdf");

        Assert.Equal((400, ErrorCodes.BadFormat), (reply.Status, reply.ProblemCode()));
    }
}
