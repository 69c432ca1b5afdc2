using AccessPmc.Contracts;
using AccessPmc.EndToEnd.Tests.Infrastructure;

namespace AccessPmc.EndToEnd.Tests;

/// <summary>The admin and bulk paths over HTTP, under each host: a new scanner client, a CSV batch, the operator's CSV script.</summary>
public abstract class AdminAndBulkTests(HostUnderTest host)
{
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
        var file = Path.Combine(Path.GetTempPath(), $"staff-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, $"givenName,familyName,kind,validFrom,validUntil,sites\nAda,Lovelace,temporary,{from:O},{from.AddDays(1):O},PMC\nAlan,Turing,temporary,{from:O},{from.AddDays(1):O},MARS\nGrace,Hopper,temporary,{from:O},{from.AddDays(1):O},PMC;JUSSIEU\n");

        var first = await RunScriptAsync(file);
        var second = await RunScriptAsync(file);
        // The CHEM issuer's unit is this test's alone: the class's other test issues for PHYS on the same host.
        var listed = await host.Client(TestApp.OtherIssuerKey).ListPassesAsync("CHEM");
        File.Delete(file);

        Assert.Contains("3/3 rows  created 2  existing 0  failed 1", first, StringComparison.Ordinal);
        Assert.Contains("3/3 rows  created 0  existing 2  failed 1", second, StringComparison.Ordinal);
        Assert.Equal(["Hopper", "Lovelace"], listed.Items.Select(p => p.FamilyName).Order());
    }

    private async Task<string> RunScriptAsync(string file)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "scripts", "issue-csv.sh"), file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ACCESSPMC_URL"] = host.BaseAddress.ToString().TrimEnd('/'), ["ACCESSPMC_KEY"] = TestApp.OtherIssuerKey, ["CHUNK"] = "2" },
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output + errors);
        return output;
    }
}

[Collection(AzuriteCollection.Name)]
[Trait("Host", "SelfHost")]
public sealed class AdminAndBulkOnSelfHost(SelfHostUnderTest host) : AdminAndBulkTests(host), IClassFixture<SelfHostUnderTest>;

[Collection(AzuriteCollection.Name)]
[Trait("Host", "Functions")]
public sealed class AdminAndBulkOnFunctionsHost(FunctionsHostUnderTest host) : AdminAndBulkTests(host), IClassFixture<FunctionsHostUnderTest>;
