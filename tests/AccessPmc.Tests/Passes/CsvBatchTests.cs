using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;

namespace AccessPmc.Tests.Passes;

/// <summary>The CSV file's shape (header, separators, fields per row) and the service's own words when it is wrong.</summary>
public sealed class CsvBatchTests(AzuriteFixture azurite) : AppTests(azurite, "csvshape")
{
    private Task<Reply> SendAsync(string csv) =>
        App.CallAsync<IssueBatchFunction>("POST", "/api/passes/batch", null, TestApp.IssuerKey, async (f, r) => (await f.Run(r, default)).Result, csv, "text/csv");

    private static string Detail(Reply reply) => System.Text.Json.JsonDocument.Parse(reply.Body).RootElement.GetProperty("detail").GetString()!;

    [Theory]
    [InlineData("givenName,givenName,familyName,kind,sites\nA,Z,B,temporary,PMC\n", "givenName")]
    [InlineData("givenName,familyName,kind,sites,SITES\nA,B,temporary,PMC,JUSSIEU\n", "sites")]
    public async Task AColumnNamedTwiceRefusesTheFileNamingIt(string csv, string column)
    {
        var reply = await SendAsync(csv);

        Assert.Equal((400, ErrorCodes.InvalidCsv), (reply.Status, reply.ProblemCode()));
        Assert.Contains($"The column {column} appears 2 times in the header", Detail(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ARowWithMoreFieldsThanTheHeaderFailsAloneNamingTheExtraValue()
    {
        var reply = await SendAsync("givenName,familyName,kind,sites\nA,B,temporary,PMC,EXTRA\nAda,Lovelace,temporary,PMC\n");

        var result = reply.Json<BatchIssueResponse>();
        Assert.Equal((1, 1), (result.Created, result.Failed));
        Assert.Equal(ErrorCodes.InvalidCsv, result.Items[0].Error!.Code);
        Assert.Contains("This row has 5 fields, the header 4 columns: 'EXTRA' has no column", result.Items[0].Error!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnquotedCommaInANameFailsItsRowRatherThanShiftingItsFields()
    {
        var result = (await SendAsync("givenName,familyName,kind,sites\nPierre, Jr,Curie,temporary,PMC\n")).Json<BatchIssueResponse>();

        Assert.Equal((0, 1, ErrorCodes.InvalidCsv), (result.Created, result.Failed, result.Items[0].Error!.Code));
    }

    [Theory]
    [InlineData("givenName,familyName,kind,sites\nA,B\n", 2)]
    [InlineData("givenName;familyName;kind;sites\nA;B;temporary\n", 3)]
    public async Task AShortRowFailsSayingItHasTooFewFields(string csv, int fields)
    {
        var result = (await SendAsync(csv)).Json<BatchIssueResponse>();

        var error = Assert.Single(result.Items).Error!;
        Assert.Equal(ErrorCodes.InvalidCsv, error.Code);
        Assert.StartsWith($"This row has {fields} fields, the header 4 columns (givenName, familyName, kind, sites)", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyFieldsPastTheLastColumnLoseNothingAndAreAccepted()
    {
        var result = (await SendAsync("givenName,familyName,kind,sites\nAda,Lovelace,temporary,PMC,,\n")).Json<BatchIssueResponse>();

        Assert.Equal((1, 0), (result.Created, result.Failed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("  \r\n")]
    public async Task AnEmptyFileIsRefusedInTheServicesWords(string csv)
    {
        var reply = await SendAsync(csv);

        Assert.Equal((400, ErrorCodes.InvalidCsv), (reply.Status, reply.ProblemCode()));
        Assert.Matches("^The (CSV file|header row \\(the first line\\)) is empty", Detail(reply));
        Assert.DoesNotContain("HasHeaders", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHeaderColumnWithoutANameIsRefusedSayingWhichOne()
    {
        var reply = await SendAsync("givenName,,kind,sites\nA,B,temporary,PMC\n");

        Assert.Equal((400, ErrorCodes.InvalidCsv), (reply.Status, reply.ProblemCode()));
        Assert.StartsWith("Column 2 of the header has no name.", Detail(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOverlongRowIsRefusedWithItsRowNumberAndNoParserSettings()
    {
        var csv = $"givenName,familyName,kind,sites\nAda,Lovelace,temporary,PMC\n\nA,{new string('x', 1_000_000)},temporary,PMC\n";

        var reply = await SendAsync(csv);

        Assert.Equal((400, ErrorCodes.InvalidCsv), (reply.Status, reply.ProblemCode()));
        Assert.StartsWith("Row 2 is longer than 65,536 characters", Detail(reply), StringComparison.Ordinal);
        Assert.DoesNotContain("MaxBufferSize", reply.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("givenName,familyName,kind,sites\nAda,\"Love\"lace,temporary,PMC\n")]
    [InlineData("givenName,familyName,kind,sites\nAda,\"Lovelace,temporary,PMC\n")]
    public async Task AQuoteLeftOpenOrFollowedByTextIsRefusedNamingTheRowAndColumn(string csv)
    {
        var reply = await SendAsync(csv);

        Assert.Equal((400, ErrorCodes.InvalidCsv), (reply.Status, reply.ProblemCode()));
        Assert.StartsWith("Row 1, column familyName, has a quote", Detail(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("givenName\tfamilyName\tkind\tsites\nAda\tLovelace\ttemporary\tPMC\n", "tabs")]
    [InlineData("givenName|familyName|kind|sites\nAda|Lovelace|temporary|PMC\n", "'|'")]
    public async Task AFileSeparatedByTabsOrPipesIsRefusedRatherThanGuessed(string csv, string separator)
    {
        var reply = await SendAsync(csv);

        Assert.Equal((400, ErrorCodes.InvalidCsv), (reply.Status, reply.ProblemCode()));
        Assert.StartsWith($"The header row is separated by {separator}: separate fields with ',' or ';'", Detail(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownColumnIsNamedInTheRefusal()
    {
        var reply = await SendAsync("givenName,familyName,shoeSize\nAda,Lovelace,38\n");

        Assert.StartsWith("Unknown header: shoeSize. Columns: givenName,", Detail(reply), StringComparison.Ordinal);
    }
}
