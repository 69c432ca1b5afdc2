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

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\n\n")]
    [InlineData("\r\n,,,,,\r\n")]
    public async Task RowsEndingWithANewlineAreAllIssued(string ending)
    {
        var csv = string.Join(ending[..Math.Min(2, ending.Length)].Contains('\r') ? "\r\n" : "\n",
            "givenName,familyName,kind,validFrom,validUntil,sites",
            "Ada,Lovelace,temporary,2026-03-16T08:00:00Z,2026-03-17T08:00:00Z,PMC",
            "Alan,Turing,temporary,2026-03-16T08:00:00Z,2026-03-17T08:00:00Z,PMC") + ending;

        var result = (await BatchAsync(null, csv)).Json<BatchIssueResponse>();

        Assert.Equal((2, 0), (result.Created, result.Failed));
    }

    [Fact]
    public async Task OneBadRowAmongEmojiNamesFailsAlone()
    {
        var items = new List<BatchIssueItem> { Item("😀Zoé"), Item("Bad", null, "MARS"), Item("Dupont-😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀") };

        var result = (await BatchAsync(new BatchIssueRequest(items))).Json<BatchIssueResponse>();

        Assert.Equal((2, 1), (result.Created, result.Failed));
        Assert.Equal(ErrorCodes.UnknownSite, result.Items[1].Error!.Code);
    }

    [Fact]
    public async Task AmbiguousDayFirstDatesFailTheirRowWithAClearError()
    {
        const string csv = "givenName,familyName,kind,validFrom,validUntil,sites\nAda,Lovelace,temporary,01/04/2026 08:00,03/04/2026 08:00,PMC\nAlan,Turing,temporary,2026-04-01T08:00,2026-04-03T08:00,PMC\n";

        var result = (await BatchAsync(null, csv)).Json<BatchIssueResponse>();

        Assert.Equal((1, 1), (result.Created, result.Failed));
        Assert.Equal((ErrorCodes.InvalidDate, "validFrom"), (result.Items[0].Error!.Code, result.Items[0].Error!.Errors!.Keys.Single()));
        Assert.Contains("write 2026-04-01T08:00, or send the file with ?dates=day-first", result.Items[0].Error!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DayFirstDatesAreReadAsDayMonthWhenAskedInTheSitesLocalTime()
    {
        const string csv = "givenName,familyName,kind,validFrom,validUntil,sites\nAda,Lovelace,temporary,01/04/2026 08:00,03/04/2026,PMC\n";

        var reply = await App.CallAsync<IssueBatchFunction>("POST", "/api/passes/batch?dates=day-first", null, TestApp.IssuerKey, async (f, r) => (await f.Run(r, default)).Result, csv, "text/csv");

        var item = Assert.Single(reply.Json<BatchIssueResponse>().Items);
        var pass = (await App.GetAsync(item.Id!)).Json<PassResponse>();
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.FromHours(2)), pass.ValidFrom);
        Assert.Equal(new DateTimeOffset(2026, 4, 3, 23, 59, 59, TimeSpan.FromHours(2)), pass.ValidUntil);
    }

    [Theory]
    [InlineData("?dates=month-first", "text/csv", "givenName\nA\n")]
    [InlineData("?dates=bogus", "application/json", """{"passes":[{"givenName":"A","familyName":"B","kind":"temporary","sites":["PMC"]}]}""")]
    [InlineData("?dates=", "application/json", """{"passes":[{"givenName":"A","familyName":"B","kind":"temporary","sites":["PMC"]}]}""")]
    [InlineData("?dates=iso&dates=day-first", "text/csv", "givenName\nA\n")]
    public async Task AnUnknownDateOrderIs400WhateverTheBody(string query, string contentType, string body)
    {
        var reply = await App.CallAsync<IssueBatchFunction>("POST", "/api/passes/batch" + query, null, TestApp.IssuerKey, async (f, r) => (await f.Run(r, default)).Result, body, contentType);

        Assert.Equal((400, ErrorCodes.ValidationFailed, "dates"), (reply.Status, reply.ProblemCode(), reply.Json<ApiProblem>().Errors!.Keys.Single()));
    }

    [Theory]
    [InlineData("""{"passes":[null]}""", 0)]
    [InlineData("""{"passes":[{"givenName":"Partial","familyName":"Write","kind":"temporary","sites":["PMC"],"idempotencyKey":"k1"},null]}""", 1)]
    public async Task ANullItemFailsAloneAndTheOthersAreIssued(string json, int created)
    {
        var reply = await App.CallAsync<IssueBatchFunction>("POST", "/api/passes/batch", null, TestApp.IssuerKey, async (f, r) => (await f.Run(r, default)).Result, json);

        Assert.Equal(200, reply.Status);
        var result = reply.Json<BatchIssueResponse>();
        Assert.Equal((created, 1), (result.Created, result.Failed));
        var error = result.Items[^1].Error!;
        Assert.Equal((ErrorCodes.ValidationFailed, $"Item {created} is null: each item must be a pass object."), (error.Code, error.Detail));
    }

    [Fact]
    public async Task SemicolonSeparatedFilesAsFrenchSpreadsheetsWriteThemAreRead()
    {
        const string csv = "givenName;familyName;kind;validFrom;validUntil;sites\r\nAda;Lovelace;temporary;2026-04-01T08:00;2026-04-03T08:00;PMC,JUSSIEU\r\n";

        var item = Assert.Single((await BatchAsync(null, csv)).Json<BatchIssueResponse>().Items);

        Assert.Equal(["PMC", "JUSSIEU"], (await App.GetAsync(item.Id!)).Json<PassResponse>().Sites);
    }
}
