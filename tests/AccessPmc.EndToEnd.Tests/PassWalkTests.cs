using AccessPmc.Contracts;
using AccessPmc.EndToEnd.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AccessPmc.EndToEnd.Tests;

/// <summary>A pass's whole life over real HTTP, through SelfHost, with nothing but <see cref="AccessPmcClient"/>.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PassWalkTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 16, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private RunningHost host = null!;

    public async Task InitializeAsync() => host = await RunningHost.StartAsync(azurite, clock: clock);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static IssuePassRequest Pass(TimeSpan validity, params string[] sites) =>
        new("Jeanne", "Dupont", PassKinds.Temporary, Start, Start + validity, sites);

    [Fact]
    public async Task IssueScanRevokeAndExpire()
    {
        var issued = await host.Issuer.IssuePassAsync(Pass(TimeSpan.FromDays(2), "PMC"));

        var png = await host.Issuer.GetQrPngAsync(issued.Id);
        var scanned = QrDecoder.Decode(png);
        Assert.Equal(issued.Code, scanned);

        var atPmc = await host.Scanner.VerifyAsync(scanned, "PMC");
        Assert.Equal((VerifyResults.Valid, null), (atPmc.Result, atPmc.Reason));

        var atJussieu = await host.Scanner.VerifyAsync(scanned, "JUSSIEU");
        Assert.Equal((VerifyResults.Invalid, VerifyReasons.WrongSite), (atJussieu.Result, atJussieu.Reason));

        var revoked = await host.Issuer.RevokePassAsync(issued.Id, "badge lost");
        Assert.Equal(PassStatuses.Revoked, revoked.Status);
        Assert.Equal(VerifyReasons.Revoked, (await host.Scanner.VerifyAsync(scanned, "PMC")).Reason);

        // An hour-long pass, then two hours later: the ExpirePasses schedule comes due on the fake clock.
        var shortPass = await host.Issuer.IssuePassAsync(Pass(TimeSpan.FromHours(1), "PMC"));
        clock.Advance(TimeSpan.FromHours(2));
        await RunningHost.WaitUntilAsync(
            async () => (await host.Issuer.GetPassAsync(shortPass.Id)).Status == PassStatuses.Expired,
            "the ExpirePasses timer marked the pass expired");

        // The scheduler counts a run once the function has returned, just after the status changed.
        await RunningHost.WaitUntilAsync(() => Task.FromResult(host.App.Timers.RunCount("ExpirePasses") >= 1), "the ExpirePasses run was counted");
        Assert.Equal(VerifyReasons.Expired, (await host.Scanner.VerifyAsync(shortPass.Code, "PMC")).Reason);
    }

    [Fact]
    public async Task RefusalsArriveAsAccessPmcException()
    {
        var wrongKey = host.Client("not-a-key");

        var unauthenticated = await Assert.ThrowsAsync<AccessPmcException>(() => wrongKey.GetKeysAsync());
        var forbidden = await Assert.ThrowsAsync<AccessPmcException>(() => host.Scanner.IssuePassAsync(Pass(TimeSpan.FromDays(1), "PMC")));

        Assert.Equal((401, ErrorCodes.Unauthenticated), ((int)unauthenticated.Status, unauthenticated.Code));
        Assert.Equal((403, ErrorCodes.Forbidden), ((int)forbidden.Status, forbidden.Code));
    }

    [Fact]
    public async Task IdempotentIssueReturnsTheSamePass()
    {
        var first = await host.Issuer.IssuePassAsync(Pass(TimeSpan.FromDays(1), "PMC"), "order-42");
        var again = await host.Issuer.IssuePassAsync(Pass(TimeSpan.FromDays(1), "PMC"), "order-42");

        Assert.Equal(first.Id, again.Id);
        Assert.NotEmpty((await host.Scanner.GetKeysAsync()).Keys);
        Assert.Equal("healthy", (await host.Scanner.HealthAsync()).Status);
        Assert.Empty((await host.Scanner.GetRevocationsAsync()).Revoked);
        Assert.StartsWith("<", System.Text.Encoding.UTF8.GetString(await host.Issuer.GetQrSvgAsync(first.Id)).TrimStart(), StringComparison.Ordinal);
    }
}

/// <summary>The admin and bulk paths over HTTP: a new scanner client, a CSV batch, the offline sync endpoints.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AdminAndBulkTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private RunningHost host = null!;

    public async Task InitializeAsync() => host = await RunningHost.StartAsync(azurite);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task NewScannerVerifiesABatchIssuedPassUntilItIsDisabled()
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var csv = $"givenName,familyName,kind,validFrom,validUntil,sites\nAda,Lovelace,temporary,{from:O},{from.AddDays(1):O},PMC\nBad,Row,temporary,{from:O},{from.AddDays(1):O},MARS\n";
        var batch = await host.Issuer.IssueBatchCsvAsync(csv);
        var created = await host.Admin.CreateClientAsync(new CreateClientRequest("gate 9", Roles.Scanner, null, ["PMC"]));
        var gate = host.Client(created.ApiKey);

        var verdict = await gate.VerifyAsync(batch.Items[0].Code!, "PMC");
        var keys = await gate.GetKeysAsync();
        await host.Admin.DisableClientAsync(created.Client.Id);
        var refused = await Assert.ThrowsAsync<AccessPmcException>(() => gate.VerifyAsync(batch.Items[0].Code!, "PMC"));

        Assert.Equal((1, 1), (batch.Created, batch.Failed));
        Assert.Equal(ErrorCodes.UnknownSite, batch.Items[1].Error!.Code);
        Assert.Equal(VerifyResults.Valid, verdict.Result);
        Assert.NotEmpty(keys.Keys);
        Assert.Equal(401, (int)refused.Status);
    }
}

/// <summary>The operator's CSV script against the running service: progress, a failed row, a resume, its output files and refusals.</summary>
[Collection(AzuriteCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CsvScriptTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("pmc-csv-");
    private RunningHost host = null!;

    public async Task InitializeAsync() => host = await RunningHost.StartAsync(azurite);

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task CsvScriptReportsProgressAndARerunCreatesNoDuplicates()
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var file = Path.Combine(folder.FullName, "staff.csv");
        await File.WriteAllTextAsync(file, $"givenName,familyName,kind,validFrom,validUntil,sites\nAda,Lovelace,temporary,{from:O},{from.AddDays(1):O},PMC\nAlan,Turing,temporary,{from:O},{from.AddDays(1):O},MARS\nGrace,Hopper,temporary,{from:O},{from.AddDays(1):O},PMC;JUSSIEU\n");

        var first = await RunScriptAsync(0, file);
        var second = await RunScriptAsync(0, file);
        var listed = await host.Issuer.ListPassesAsync("PHYS");

        Assert.Contains("3/3 rows  created 2  existing 0  failed 1", first.Output, StringComparison.Ordinal);
        Assert.Contains("3/3 rows  created 0  existing 2  failed 1", second.Output, StringComparison.Ordinal);
        Assert.Equal(["Hopper", "Lovelace"], listed.Items.Select(p => p.FamilyName).Order());
    }

    [Fact]
    public async Task ResultsAndFailuresAreWrittenOwnerOnlyNextToTheInputRowByRow()
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var file = Path.Combine(folder.FullName, "chemistry.csv");
        await File.WriteAllTextAsync(file, $"givenName,familyName,kind,validFrom,validUntil,sites\nAda,Lovelace,temporary,{from:O},{from.AddDays(1):O},PMC\nAlan,Turing,temporary,{from:O},{from.AddDays(1):O},MARS\nGrace,Hopper,temporary,{from:O},{from.AddDays(1):O},JUSSIEU\n");

        await RunScriptAsync(0, file);
        var results = await File.ReadAllLinesAsync(Path.Combine(folder.FullName, "chemistry.results.csv"));
        var listed = (await host.Issuer.ListPassesAsync("PHYS")).Items.ToDictionary(p => p.Id);

        Assert.Equal("row,status,id,code,error", results[0]);
        Assert.Equal(4, results.Length);
        Assert.Equal(["1", "\"created\""], results[1].Split(',')[..2]);
        Assert.Equal(["2", "\"failed\"", "\"\"", "\"\"", "\"unknown_site\""], results[2].Split(','));
        foreach (var row in new[] { results[1], results[3] })
        {
            var cells = row.Split(',');
            Assert.Equal(listed[cells[2].Trim('"')].Code, cells[3].Trim('"'));
        }

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(folder.FullName, "chemistry.results.csv")));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(folder.FullName, "chemistry.failures.json")));
    }

    [Fact]
    public async Task AWholeFileRefusalShowsTheProblemDetailAndWritesWhereAsked()
    {
        var file = Path.Combine(folder.FullName, "typo.csv");
        await File.WriteAllTextAsync(file, "givenName,familyName,kind,validUntil,sites,badge\nAda,Lovelace,temporary,2030-01-01T00:00:00Z,PMC,42\n");
        var elsewhere = folder.CreateSubdirectory("out");

        var run = await RunScriptAsync(1, file, elsewhere.FullName);

        Assert.Contains("rows 1-1 refused, HTTP 400", run.Errors, StringComparison.Ordinal);
        Assert.Contains("(invalid_csv): ", run.Errors, StringComparison.Ordinal);
        Assert.Contains("badge", run.Errors, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(elsewhere.FullName, "typo.results.csv")));
        Assert.False(File.Exists(Path.Combine(folder.FullName, "typo.results.csv")));
    }

    private async Task<(string Output, string Errors)> RunScriptAsync(int expectedExit, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "scripts", "issue-csv.sh"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ACCESSPMC_URL"] = host.BaseAddress.ToString().TrimEnd('/'), ["ACCESSPMC_KEY"] = TestApp.IssuerKey, ["CHUNK"] = "2" },
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == expectedExit, await output + await errors);
        return (await output, await errors);
    }
}
