using AccessPmc.Contracts;
using AccessPmc.EndToEnd.Tests.Infrastructure;

namespace AccessPmc.EndToEnd.Tests;

/// <summary>The admin and bulk paths over HTTP, under each host: a new scanner client, a CSV batch, the operator's CSV script (progress, resume, output files, refusals).</summary>
public abstract class AdminAndBulkTests(HostUnderTest host)
{
    [Fact]
    public async Task ACreatedClientsLocationServesItWithoutItsKey()
    {
        using var body = new StringContent("""{"name":"gate 12","role":"scanner","sites":["PMC"]}""", System.Text.Encoding.UTF8, "application/json");
        using var created = await host.SendAsync(HttpMethod.Post, "api/clients", TestApp.AdminKey, body);
        var location = created.Headers.Location!;

        using var read = await host.SendAsync(HttpMethod.Get, new Uri(new Uri(host.BaseAddress, "api/clients"), location).PathAndQuery.TrimStart('/'), TestApp.AdminKey);
        using var unknown = await host.SendAsync(HttpMethod.Get, "api/clients/0000000000000000", TestApp.AdminKey);
        var text = await read.Content.ReadAsStringAsync();

        Assert.Equal((System.Net.HttpStatusCode.Created, System.Net.HttpStatusCode.OK), (created.StatusCode, read.StatusCode));
        Assert.Contains("\"name\":\"gate 12\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("apiKey", text, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

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

    [Fact]
    public async Task CsvScriptReportsProgressAndARerunCreatesNoDuplicates()
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var folder = Directory.CreateTempSubdirectory("pmc-csv-");
        var file = Path.Combine(folder.FullName, "staff.csv");
        await File.WriteAllTextAsync(file, $"givenName,familyName,kind,validFrom,validUntil,sites\nAda,Lovelace,temporary,{from:O},{from.AddDays(1):O},PMC\nAlan,Turing,temporary,{from:O},{from.AddDays(1):O},MARS\nGrace,Hopper,temporary,{from:O},{from.AddDays(1):O},PMC;JUSSIEU\n");

        var first = await RunScriptAsync(0, TestApp.OtherIssuerKey, file);
        var second = await RunScriptAsync(0, TestApp.OtherIssuerKey, file);
        // The CHEM issuer's unit is this test's alone: the class's other tests issue for PHYS on the same host.
        var listed = await host.Client(TestApp.OtherIssuerKey).ListPassesAsync("CHEM");
        folder.Delete(recursive: true);

        Assert.Contains("3/3 rows  created 2  existing 0  failed 1", first.Output, StringComparison.Ordinal);
        Assert.Contains("3/3 rows  created 0  existing 2  failed 1", second.Output, StringComparison.Ordinal);
        Assert.Equal(["Hopper", "Lovelace"], listed.Items.Select(p => p.FamilyName).Order());
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task CsvScriptWritesResultsAndFailuresOwnerOnlyNextToTheInputRowByRow()
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var folder = Directory.CreateTempSubdirectory("pmc-csv-");
        var file = Path.Combine(folder.FullName, "physics.csv");
        await File.WriteAllTextAsync(file, $"givenName,familyName,kind,validFrom,validUntil,sites\nAda,Lovelace,temporary,{from:O},{from.AddDays(1):O},PMC\nAlan,Turing,temporary,{from:O},{from.AddDays(1):O},MARS\nGrace,Hopper,temporary,{from:O},{from.AddDays(1):O},JUSSIEU\n");

        await RunScriptAsync(0, TestApp.IssuerKey, file);
        var results = await File.ReadAllLinesAsync(Path.Combine(folder.FullName, "physics.results.csv"));
        var modes = new[] { "physics.results.csv", "physics.failures.json" }.Select(f => File.GetUnixFileMode(Path.Combine(folder.FullName, f))).ToList();
        var issued = new List<(string Code, string Expected)>();
        foreach (var cells in new[] { results[1], results[3] }.Select(r => r.Split(',')))
        {
            issued.Add((cells[3].Trim('"'), (await host.Issuer.GetPassAsync(cells[2].Trim('"'))).Code));
        }

        folder.Delete(recursive: true);

        Assert.Equal(["row,status,id,code,error", .. results[1..]], results);
        Assert.Equal(4, results.Length);
        Assert.Equal(["1", "\"created\""], results[1].Split(',')[..2]);
        Assert.Equal(["2", "\"failed\"", "\"\"", "\"\"", "\"unknown_site\""], results[2].Split(','));
        Assert.All(issued, p => Assert.Equal(p.Expected, p.Code));
        Assert.All(modes, m => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, m));
    }

    [Fact]
    public async Task CsvScriptShowsTheProblemDetailOfAWholeFileRefusalAndWritesNothing()
    {
        var folder = Directory.CreateTempSubdirectory("pmc-csv-");
        var file = Path.Combine(folder.FullName, "typo.csv");
        await File.WriteAllTextAsync(file, "givenName,familyName,kind,validUntil,sites,badge\nAda,Lovelace,temporary,2030-01-01T00:00:00Z,PMC,42\n");
        var elsewhere = folder.CreateSubdirectory("out");

        var run = await RunScriptAsync(1, TestApp.IssuerKey, file, elsewhere.FullName);
        var written = (InOutput: File.Exists(Path.Combine(elsewhere.FullName, "typo.results.csv")), NextToInput: File.Exists(Path.Combine(folder.FullName, "typo.results.csv")));
        folder.Delete(recursive: true);

        Assert.Contains("rows 1-1 refused, HTTP 400", run.Errors, StringComparison.Ordinal);
        Assert.Contains("(invalid_csv): ", run.Errors, StringComparison.Ordinal);
        Assert.Contains("badge", run.Errors, StringComparison.Ordinal);
        Assert.Equal((false, false), written);
    }

    [Fact]
    public async Task CsvScriptSendsAFrenchSpreadsheetAsItWasSaved()
    {
        // Semicolons, windows-1252, day-first dates and a blank last line: French Excel's "CSV (séparateur: point-virgule)".
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var day = DateTimeOffset.UtcNow.AddDays(2);
        var folder = Directory.CreateTempSubdirectory("pmc-csv-");
        var file = Path.Combine(folder.FullName, "accueil.csv");
        var csv = $"givenName;familyName;kind;validFrom;validUntil;sites\r\nNoël;Lefèvre;temporary;{day:dd/MM/yyyy} 08:00;{day:dd/MM/yyyy} 18:00;PMC\r\nÉloïse;D'Argent;temporary;{day:dd/MM/yyyy} 09:00;{day:dd/MM/yyyy};PMC,JUSSIEU\r\n;;;;;\r\n";
        await File.WriteAllBytesAsync(file, System.Text.Encoding.GetEncoding(1252).GetBytes(csv));

        var run = await RunScriptAsync(0, TestApp.IssuerKey, [file], new() { ["CHARSET"] = "windows-1252", ["DATES"] = "day-first" });
        var ids = (await File.ReadAllLinesAsync(Path.Combine(folder.FullName, "accueil.results.csv")))[1..].Select(r => r.Split(',')[2].Trim('"')).ToList();
        var noel = await host.Issuer.GetPassAsync(ids[0]);
        folder.Delete(recursive: true);

        Assert.Contains("2/2 rows  created 2  existing 0  failed 0", run.Output, StringComparison.Ordinal);
        Assert.Equal(("Noël", "Lefèvre", "N. LEFÈVRE"), (noel.GivenName, noel.FamilyName, noel.DisplayLabel));
        Assert.Equal(day.Day, TimeZoneInfo.ConvertTime(noel.ValidFrom, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Day);
    }

    [Theory]
    [InlineData("givenName,familyName,kind,sites\n")]
    [InlineData("givenName,familyName,kind,sites\r\n\r\n,,,\r\n")]
    [InlineData("")]
    public async Task CsvScriptSendsNothingForAFileWithoutRowsAndSaysSo(string csv)
    {
        var folder = Directory.CreateTempSubdirectory("pmc-csv-");
        var file = Path.Combine(folder.FullName, "nobody.csv");
        await File.WriteAllTextAsync(file, csv);

        var run = await RunScriptAsync(0, TestApp.IssuerKey, file);
        var results = await File.ReadAllLinesAsync(Path.Combine(folder.FullName, "nobody.results.csv"));
        folder.Delete(recursive: true);

        Assert.Contains("0 rows", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Errors);
        Assert.Equal(["row,status,id,code,error"], results);
    }

    [Fact]
    public async Task ARefusedReRunOfTheCsvScriptLeavesTheEarlierResultsWhereTheyWereWritten()
    {
        // The results hold the codes handed to the unit: a wrong key on a re-run must not wipe them.
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var folder = Directory.CreateTempSubdirectory("pmc-csv-");
        var file = Path.Combine(folder.FullName, "keep.csv");
        await File.WriteAllTextAsync(file, $"givenName,familyName,kind,validFrom,validUntil,sites\nAda,Lovelace,temporary,{from:O},{from.AddDays(1):O},PMC\nBad,Row,temporary,{from:O},{from.AddDays(1):O},MARS\n");
        var output = folder.CreateSubdirectory("out");
        await RunScriptAsync(0, TestApp.IssuerKey, file, output.FullName);
        var before = await File.ReadAllTextAsync(Path.Combine(output.FullName, "keep.results.csv"));

        var refused = await RunScriptAsync(1, "pmc_not-a-key", file, output.FullName);
        var after = await File.ReadAllTextAsync(Path.Combine(output.FullName, "keep.results.csv"));
        var failuresKept = File.Exists(Path.Combine(output.FullName, "keep.failures.json"));
        var nextToInput = File.Exists(Path.Combine(folder.FullName, "keep.results.csv"));
        folder.Delete(recursive: true);

        Assert.Contains("HTTP 401", refused.Errors, StringComparison.Ordinal);
        Assert.Equal(before, after);
        Assert.Contains("\"created\"", after, StringComparison.Ordinal);
        Assert.Equal((true, false), (failuresKept, nextToInput));
    }

    [Fact]
    public async Task CsvScriptNumbersResultsAsTheFileDoesAcrossBlankLinesAndChunks()
    {
        // Row n is line n+1: the blank line 3 keeps its number, so the bad row on line 5 is row 4, in every chunk of 2.
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var folder = Directory.CreateTempSubdirectory("pmc-csv-");
        var file = Path.Combine(folder.FullName, "gaps.csv");
        var row = $"temporary,{from:O},{from.AddDays(1):O}";
        await File.WriteAllTextAsync(file, $"givenName,familyName,kind,validFrom,validUntil,sites\nAda,Lovelace,{row},PMC\n\nGrace,Hopper,{row},PMC\nAlan,Turing,{row},MARS\n\n\nEdsger,Dijkstra,{row},PMC\n");

        var run = await RunScriptAsync(0, TestApp.IssuerKey, file);
        var results = (await File.ReadAllLinesAsync(Path.Combine(folder.FullName, "gaps.results.csv")))[1..].Select(r => r.Split(',')).ToList();
        folder.Delete(recursive: true);

        Assert.Contains("4/4 rows  created 3  existing 0  failed 1", run.Output, StringComparison.Ordinal);
        Assert.Equal(["1", "3", "4", "7"], results.Select(r => r[0]));
        Assert.Equal(["\"failed\"", "\"\"", "\"\"", "\"unknown_site\""], results[2][1..]);
    }

    [Fact]
    public async Task CsvScriptNamesTheFileRowsOfARefusedChunk()
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var folder = Directory.CreateTempSubdirectory("pmc-csv-");
        var file = Path.Combine(folder.FullName, "late.csv");
        await File.WriteAllTextAsync(file, $"givenName,familyName,kind,validFrom,sites\nAda,Lovelace,temporary,{from:O},PMC\n\nGrace,Hopper,temporary,{from:O},PMC\nAlan,Turing,temporary,{from:O},PMC,EXTRA\n\nA,\"B,temporary,,PMC\n");

        var run = await RunScriptAsync(1, TestApp.IssuerKey, file);
        folder.Delete(recursive: true);

        Assert.Contains("rows 4-6 refused, HTTP 400", run.Errors, StringComparison.Ordinal);
        Assert.Contains("the rows before row 4 were sent", run.Errors, StringComparison.Ordinal);
    }

    private Task<(string Output, string Errors)> RunScriptAsync(int expectedExit, string key, params string[] args) =>
        RunScriptAsync(expectedExit, key, args, []);

    private async Task<(string Output, string Errors)> RunScriptAsync(int expectedExit, string key, string[] args, Dictionary<string, string> environment)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "scripts", "issue-csv.sh"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ACCESSPMC_URL"] = host.BaseAddress.ToString().TrimEnd('/'), ["ACCESSPMC_KEY"] = key, ["CHUNK"] = "2" },
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == expectedExit, await output + await errors);
        return (await output, await errors);
    }
}

[Collection(AzuriteCollection.Name)]
[Trait("Host", "SelfHost")]
public sealed class AdminAndBulkOnSelfHost(SelfHostUnderTest host) : AdminAndBulkTests(host), IClassFixture<SelfHostUnderTest>;

[Collection(AzuriteCollection.Name)]
[Trait("Host", "Functions")]
public sealed class AdminAndBulkOnFunctionsHost(FunctionsHostUnderTest host) : AdminAndBulkTests(host), IClassFixture<FunctionsHostUnderTest>;
