using System.Text;
using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Verification;

namespace AccessPmc.Tests.Http;

/// <summary>Bodies are read as they declare themselves: any spelling of UTF-8, other charsets where they make sense, a 415 otherwise.</summary>
public sealed class RequestBodyTests(AzuriteFixture azurite) : AppTests(azurite, "bodies")
{
    static RequestBodyTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private async Task<Reply> VerifyAsync(byte[] body, string contentType)
    {
        var req = TestApp.WithBody(App.Request("POST", "/api/verify", key: TestApp.ScannerKey), body, contentType);
        return await TestApp.ExecuteAsync(req, (await App.Function<VerifyFunction>().Run(req, default)).Result);
    }

    private async Task<Reply> BatchAsync(byte[] body, string contentType, string query = "")
    {
        var req = TestApp.WithBody(App.Request("POST", "/api/passes/batch" + query), body, contentType);
        return await TestApp.ExecuteAsync(req, (await App.Function<IssueBatchFunction>().Run(req, default)).Result);
    }

    private static byte[] VerifyBody => Encoding.UTF8.GetBytes("""{"code":"PMC1:X","site":"PMC"}""");

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json; charset='utf-8'")]
    [InlineData("application/json;charset=UTF8")]
    [InlineData("Application/JSON; Charset=Utf-8")]
    [InlineData("application/problem+json")]
    public async Task JsonInAnySpellingOfUtf8IsRead(string contentType)
    {
        var reply = await VerifyAsync(VerifyBody, contentType);

        Assert.Equal(200, reply.Status);
    }

    [Theory]
    [InlineData("application/json; charset=bogus")]
    [InlineData("application/json; charset=utf-7")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=windows-1252")]
    [InlineData("text/plain")]
    [InlineData("")]
    public async Task JsonInAnotherCharsetOrTypeIs415(string contentType)
    {
        var reply = await VerifyAsync(VerifyBody, contentType);

        Assert.Equal((415, ErrorCodes.UnsupportedMediaType, "application/problem+json"), (reply.Status, reply.ProblemCode(), reply.ContentType));
    }

    [Fact]
    public async Task Windows1252CsvIsReadAsItsCharsetSays()
    {
        var csv = "givenName,familyName,kind,sites\nNoël,Lefèvre,temporary,PMC\n";

        var reply = await BatchAsync(Encoding.GetEncoding(1252).GetBytes(csv), "text/csv; charset=windows-1252");

        var item = Assert.Single(reply.Json<BatchIssueResponse>().Items);
        var pass = (await App.GetAsync(item.Id!)).Json<PassResponse>();
        Assert.Equal(("Noël", "Lefèvre", "N. LEFÈVRE"), (pass.GivenName, pass.FamilyName, pass.DisplayLabel));
    }

    [Fact]
    public async Task CsvThatIsNotUtf8AndSaysNothingIsRefusedRatherThanGarbled()
    {
        var csv = "givenName,familyName,kind,sites\nNoël,Lefèvre,temporary,PMC\n";

        var reply = await BatchAsync(Encoding.GetEncoding(1252).GetBytes(csv), "text/csv");

        Assert.Equal((400, ErrorCodes.InvalidEncoding), (reply.Status, reply.ProblemCode()));
        Assert.Contains("charset=windows-1252", reply.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le-bom")]
    public async Task CsvWithAByteOrderMarkKeepsItsFirstHeader(string form)
    {
        var csv = "givenName,familyName,kind,sites\nZoé,Dupont,temporary,PMC\n";
        var bytes = form == "utf-8-bom"
            ? [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(csv)]
            : Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(csv)).ToArray();

        var reply = await BatchAsync(bytes, "text/csv");

        Assert.Equal((200, 1), (reply.Status, reply.Json<BatchIssueResponse>().Created));
    }

    [Theory]
    [InlineData("utf-16le", "text/csv")]
    [InlineData("utf-16be", "text/csv")]
    [InlineData("utf-16le", "text/csv; charset=windows-1252")]
    public async Task Utf16CsvWithoutAByteOrderMarkIsRefusedSayingSo(string encoding, string contentType)
    {
        var csv = "givenName,familyName,kind,sites\nZoé,Dupont,temporary,PMC\n";

        var reply = await BatchAsync(Encoding.GetEncoding(encoding).GetBytes(csv), contentType);

        Assert.Equal((400, ErrorCodes.InvalidEncoding), (reply.Status, reply.ProblemCode()));
        Assert.Contains("looks like UTF-16 without a byte-order mark: save it as UTF-8", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0000", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvWithANulCharacterIsRefusedRatherThanPassedOn()
    {
        var reply = await BatchAsync("givenName,familyName,kind,sites\nAda\0,Lovelace,temporary,PMC\n"u8.ToArray(), "text/csv");

        Assert.Equal((400, ErrorCodes.InvalidEncoding), (reply.Status, reply.ProblemCode()));
    }

    [Theory]
    [InlineData("klingon")]
    [InlineData("utf-7")]
    public async Task CsvInAnUnknownOrRefusedCharsetIs415(string charset)
    {
        var reply = await BatchAsync("givenName\nA\n"u8.ToArray(), "text/csv; charset=" + charset);

        Assert.Equal((415, ErrorCodes.UnsupportedMediaType), (reply.Status, reply.ProblemCode()));
    }
}
