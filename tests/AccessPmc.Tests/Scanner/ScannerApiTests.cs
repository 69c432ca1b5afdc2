using AccessPmc.Functions.Verification;
using AccessPmc.Contracts;
using AccessPmc.Functions.Clients;
using AccessPmc.Functions.Scanner;
using AccessPmc.Functions.Storage;
using Azure.Data.Tables;

namespace AccessPmc.Tests.Scanner;

/// <summary>What the scanner app asks of the API: who it is (<c>GET /api/me</c>), its enrolment link, and the upload of offline scans.</summary>
public sealed class ScannerApiTests(AzuriteFixture azurite) : AppTests(azurite, "scanner")
{
    private static readonly string ScanId = new('a', 32);

    private Task<Reply> MeAsync(string? key) =>
        App.CallAsync<MeFunction>("GET", "/api/me", null, key, async (f, r) => (await f.Run(r, default)).Result);

    private Task<Reply> UploadAsync(object body, string key = TestApp.ScannerKey) =>
        App.CallAsync<ScanUploadFunction>("POST", "/api/scans", body, key, async (f, r) => (await f.Run(r, default)).Result);

    private static OfflineScan Scan(string? id = null, string site = "PMC", DateTimeOffset? at = null, string result = VerifyResults.Valid, string? reason = null, string? passId = null, string? direction = "entry") =>
        new(id ?? ScanId, site, at ?? TestApp.Start.AddMinutes(-30), passId ?? new string('b', 32), result, reason, direction);

    [Fact]
    public async Task MeTellsAScannerItsSitesAndTheOfflinePolicy()
    {
        var me = (await MeAsync(TestApp.ScannerKey)).Json<MeResponse>();

        Assert.Equal(("scanner-pmc", "scanner"), (me.Id, me.Role));
        Assert.Equal(["PMC", "JUSSIEU"], me.Sites.Select(s => s.Code));
        Assert.Equal(("Pierre et Marie Curie", "Europe/Paris"), (me.Sites[0].Name, me.Sites[0].TimeZone));
        Assert.Equal("JUSSIEU", me.Sites[1].Name);
        Assert.Equal(new ScannerPolicy(120, 86_400, 259_200), me.Scanner);
    }

    [Fact]
    public async Task MeGivesAdminsAndStarScopesEverySiteAndUnitsAsTheyAre()
    {
        var admin = (await MeAsync(TestApp.AdminKey)).Json<MeResponse>();
        var chem = (await MeAsync(TestApp.OtherIssuerKey)).Json<MeResponse>();

        Assert.Equal(["PMC", "JUSSIEU", "VILLEJUIF"], admin.Sites.Select(s => s.Code));
        Assert.Equal(["PMC", "JUSSIEU", "VILLEJUIF"], chem.Sites.Select(s => s.Code));
        Assert.Equal(["CHEM"], chem.Units);
        Assert.Equal(401, (await MeAsync("not-a-key")).Status);
    }

    [Fact]
    public async Task AStoredClientIsNamedAndAScannerGetsAnEnrolmentUrlWithItsKeyInTheFragment()
    {
        var created = await App.CallAsync<ClientFunctions>("POST", "/api/clients", new CreateClientRequest("Gate 2", Roles.Scanner, null, ["PMC"]), TestApp.AdminKey, async (f, r) => (await f.Create(r, default)).Result);
        var issuer = await App.CallAsync<ClientFunctions>("POST", "/api/clients", new CreateClientRequest("HR", Roles.Issuer, ["BIO"], ["PMC"]), TestApp.AdminKey, async (f, r) => (await f.Create(r, default)).Result);
        var scanner = created.Json<ClientWithKey>();

        Assert.EndsWith("/scanner/#enrol=" + scanner.ApiKey, scanner.EnrolmentUrl, StringComparison.Ordinal);
        Assert.Null(issuer.Json<ClientWithKey>().EnrolmentUrl);
        Assert.Equal("Gate 2", (await MeAsync(scanner.ApiKey)).Json<MeResponse>().Name);
    }

    [Fact]
    public async Task UploadedScansBecomeOfflineScanEventsAtTheirOwnTime()
    {
        var at = TestApp.Start.AddHours(-3);

        var reply = await UploadAsync(new ScanUploadRequest([Scan(at: at), Scan(id: new string('c', 32), result: VerifyResults.Invalid, reason: VerifyReasons.Revoked, direction: null)]));

        Assert.Equal(new ScanUploadResponse(2, 0, []), reply.Json<ScanUploadResponse>() with { Errors = [] });
        var rows = await App.Tables.ScanEvents.QueryAsync<ScanEventEntity>().ToListAsync();
        var valid = Assert.Single(rows, r => r.Result == VerifyResults.Valid);
        Assert.Equal((RowKeys.ScanPartition("PMC", at), at, true, "entry", "scanner-pmc", new string('b', 32)), (valid.PartitionKey, valid.At, valid.Offline, valid.Direction, valid.ScannerId, valid.PassId));
        Assert.Contains(rows, r => r.Reason == VerifyReasons.Revoked && r.Offline);
    }

    [Fact]
    public async Task ReUploadingTheSameScansStoresNothingTwice()
    {
        var scans = new ScanUploadRequest([Scan(), Scan(id: new string('d', 32))]);
        await UploadAsync(scans);

        var again = (await UploadAsync(scans)).Json<ScanUploadResponse>();

        Assert.Equal((0, 2), (again.Stored, again.Duplicates));
        Assert.Equal(2, (await App.Tables.ScanEvents.QueryAsync<TableEntity>().ToListAsync()).Count);
    }

    [Fact]
    public async Task EachBadItemIsRefusedAloneWithItsIndexAndTheOthersAreStored()
    {
        var reply = await UploadAsync(new ScanUploadRequest(
        [
            Scan(id: "NOT-HEX"),
            Scan(id: new string('1', 32), site: "VILLEJUIF"),
            Scan(id: new string('2', 32), at: TestApp.Start.AddMinutes(10)),
            Scan(id: new string('3', 32), at: TestApp.Start.AddDays(-100)),
            Scan(id: new string('4', 32), result: VerifyResults.Valid, reason: VerifyReasons.Revoked),
            Scan(id: new string('5', 32), result: VerifyResults.Invalid, reason: "sunny"),
            Scan(id: new string('6', 32), direction: "sideways"),
            Scan(id: new string('7', 32), passId: "0F1E"),
            Scan(id: new string('8', 32), site: "NOWHERE"),
            Scan(id: new string('9', 32)),
        ]));

        var answer = reply.Json<ScanUploadResponse>();
        Assert.Equal(200, reply.Status);
        Assert.Equal((1, 0), (answer.Stored, answer.Duplicates));
        Assert.Equal(Enumerable.Range(0, 9), answer.Errors.Select(e => e.Index));
        Assert.Equal(
            ["validation_failed", "site_not_allowed", "validation_failed", "validation_failed", "validation_failed", "validation_failed", "validation_failed", "validation_failed", "unknown_site"],
            answer.Errors.Select(e => e.Error.Code));
        Assert.Equal(403, answer.Errors[1].Error.Status);
    }

    [Fact]
    public async Task AnEmptyOrOversizedUploadAndAnIssuerAreRefused()
    {
        var tooMany = Enumerable.Range(0, ScanUploadFunction.MaxScans + 1).Select(i => Scan(id: i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture))).ToList();

        var empty = await UploadAsync(new ScanUploadRequest([]));
        var oversized = await UploadAsync(new ScanUploadRequest(tooMany));
        var issuer = await UploadAsync(new ScanUploadRequest([Scan()]), TestApp.IssuerKey);
        var garbage = await App.CallAsync<ScanUploadFunction>("POST", "/api/scans", null, TestApp.ScannerKey, async (f, r) => (await f.Run(r, default)).Result, rawBody: "{\"scans\": [{\"id\": 5}]}");

        Assert.Equal((400, "validation_failed"), (empty.Status, empty.ProblemCode()));
        Assert.Equal((400, "too_many_items"), (oversized.Status, oversized.ProblemCode()));
        Assert.Equal((403, "forbidden"), (issuer.Status, issuer.ProblemCode()));
        Assert.Equal((400, "invalid_json"), (garbage.Status, garbage.ProblemCode()));
        Assert.Empty(await App.Tables.ScanEvents.QueryAsync<TableEntity>().ToListAsync());
    }
}
