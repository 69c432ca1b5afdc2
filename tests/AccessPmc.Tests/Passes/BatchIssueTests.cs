using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;

namespace AccessPmc.Tests.Passes;

public sealed class BatchIssueTests(AzuriteFixture azurite) : AppTests(azurite, "batch")
{
    private static BatchIssueItem Item(string family, string? key = null, params string[] sites) =>
        new("Ana", family, PassKinds.Temporary, TestApp.Start, TestApp.Start.AddDays(2), sites.Length == 0 ? ["PMC"] : sites, null, key);

    private Task<Reply> BatchAsync(object? body, string? csv = null) =>
        App.CallAsync<IssueBatchFunction>("POST", "/api/passes/batch", body, TestApp.IssuerKey, async (f, r) => (await f.Run(r, default)).Result, csv, csv is null ? "application/json" : "text/csv");

    [Fact]
    public async Task BadRowInTheMiddleFailsAloneAndTheOthersAreStored()
    {
        var items = Enumerable.Range(0, 250).Select(i => Item($"N{i}")).ToList();
        items[120] = Item("Bad", null, "MARS");

        var reply = await BatchAsync(new BatchIssueRequest(items));

        Assert.Equal(200, reply.Status);
        var result = reply.Json<BatchIssueResponse>();
        Assert.Equal((249, 0, 1), (result.Created, result.Existing, result.Failed));
        Assert.Equal(ErrorCodes.UnknownSite, result.Items[120].Error!.Code);
        Assert.All(result.Items.Where(i => i.Index != 120), i => Assert.Equal(VerifyResults.Valid, App.VerifyAsync(i.Code, "PMC").Result.Result));
    }

    [Fact]
    public async Task CsvBatchUsesTheDocumentedColumns()
    {
        const string csv = """
            givenName,familyName,kind,validFrom,validUntil,sites,unit,idempotencyKey
            Marie,Curie,attestation,2026-03-16T08:00:00Z,2026-03-30T08:00:00Z,PMC;JUSSIEU,PHYS,row-1
            "Pierre, Jr",Curie,temporary,2026-03-16T08:00:00Z,2026-03-17T08:00:00Z,PMC,PHYS,row-2
            Bad,Row,forever,,,PMC,PHYS,row-3
            """;

        var result = (await BatchAsync(null, csv)).Json<BatchIssueResponse>();

        Assert.Equal((2, 0, 1), (result.Created, result.Existing, result.Failed));
        Assert.Equal(ErrorCodes.UnknownKind, result.Items[2].Error!.Code);
        var pierre = (await App.GetAsync(result.Items[1].Id!)).Json<PassResponse>();
        Assert.Equal("Pierre, Jr", pierre.GivenName);
    }

    [Theory]
    [InlineData("givenName,familyName,shoeSize\nAda,Lovelace,38\n")]
    [InlineData("givenName,familyName,kind,validFrom\nAda,Lovelace,temporary,\"unclosed\n")]
    public async Task CsvThatCannotBeReadIsRefusedWithTheCsvCode(string csv)
    {
        var reply = await BatchAsync(null, csv);

        Assert.Equal((400, ErrorCodes.InvalidCsv), (reply.Status, reply.ProblemCode()));
    }

    [Fact]
    public async Task ResubmittedBatchWithKeysCreatesNoDuplicates()
    {
        var items = Enumerable.Range(0, 30).Select(i => Item($"K{i}", $"import-7-row-{i}")).ToList();
        var first = (await BatchAsync(new BatchIssueRequest(items[..20]))).Json<BatchIssueResponse>();

        var resumed = (await BatchAsync(new BatchIssueRequest(items))).Json<BatchIssueResponse>();

        Assert.Equal(20, first.Created);
        Assert.Equal((10, 20, 0), (resumed.Created, resumed.Existing, resumed.Failed));
        Assert.Equal(first.Items.Select(i => i.Id), resumed.Items.Take(20).Select(i => i.Id));
        var listed = await App.CallAsync<ListPassesFunction>("GET", "/api/passes?pageSize=100", null, TestApp.IssuerKey, async (f, r) => (await f.Run(r, default)).Result);
        Assert.Equal(30, listed.Json<PassPage>().Items.Count);
    }

    [Fact]
    public async Task OverTheItemLimitIs400()
    {
        var items = Enumerable.Range(0, 1001).Select(i => Item($"N{i}")).ToList();

        var reply = await BatchAsync(new BatchIssueRequest(items));

        Assert.Equal(ErrorCodes.TooManyItems, reply.ProblemCode());
    }
}
