using AccessPmc.Contracts;

namespace AccessPmc.Tests.Documents;

/// <summary>Who may print what, and how malformed batch requests are refused.</summary>
public sealed class DocumentAccessTests(AzuriteFixture azurite) : AppTests(azurite, "docacl")
{
    [Theory]
    [InlineData(TestApp.ScannerKey, 403, ErrorCodes.Forbidden)]
    [InlineData(null, 401, ErrorCodes.Unauthenticated)]
    [InlineData("pmc_not-a-key", 401, ErrorCodes.Unauthenticated)]
    [InlineData(TestApp.OtherIssuerKey, 404, ErrorCodes.NotFound)]
    public async Task SingleDocumentIsRefusedToScannersStrangersAndOtherUnits(string? key, int status, string code)
    {
        var pass = await App.IssuedAsync();

        var reply = await App.DocumentAsync(pass.Id, key: key);

        Assert.Equal((status, "application/problem+json", code), (reply.Status, reply.ContentType, reply.ProblemCode()));
    }

    [Fact]
    public async Task AnotherUnitsPassIsAnsweredExactlyLikeAnUnknownOne()
    {
        var pass = await App.IssuedAsync();

        var other = await App.DocumentAsync(pass.Id, key: TestApp.OtherIssuerKey);
        var unknown = await App.DocumentAsync(new string('0', 32));

        Assert.Equal(unknown.Body, other.Body);
        Assert.Equal(404, other.Status);
    }

    [Theory]
    [InlineData(TestApp.IssuerKey)]
    [InlineData(TestApp.AdminKey)]
    public async Task IssuerOfTheUnitAndAdminMayPrint(string key)
    {
        var pass = await App.IssuedAsync();

        var reply = await App.DocumentAsync(pass.Id, key: key);

        Assert.Equal(200, reply.Status);
        Assert.Equal("inline; filename=\"pass-" + pass.Id + ".pdf\"", reply.Headers.ContentDisposition.ToString());
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(reply.Body, 0, 5), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestApp.ScannerKey, 403)]
    [InlineData(null, 401)]
    public async Task BatchIsRefusedToScannersAndStrangers(string? key, int status)
    {
        var pass = await App.IssuedAsync();

        var reply = await App.DocumentsAsync(new DocumentBatchRequest([pass.Id]), key);

        Assert.Equal(status, reply.Status);
    }

    [Fact]
    public async Task OtherUnitsPassesInABatchAreRefusedAloneAndListed()
    {
        var mine = await App.IssuedAsync();
        var theirs = await App.IssuedAsync(Calls.Typical() with { Unit = "CHEM" }, TestApp.OtherIssuerKey);

        var reply = await App.DocumentsAsync(new DocumentBatchRequest([theirs.Id, mine.Id], DocumentLayouts.Card, DocumentLanguages.English));

        using var pdf = reply.Open();
        Assert.Equal(("1", "1", 2), (reply.Headers[DocumentHeaders.Printed].ToString(), reply.Headers[DocumentHeaders.Refused].ToString(), pdf.NumberOfPages));
        Assert.Contains(mine.Id, pdf.Squashed(1));
        Assert.Contains($"1{theirs.Id}notfound(404)", pdf.Squashed(2));
        Assert.DoesNotContain("Jeanne", pdf.Squashed(2));
    }

    [Theory]
    [InlineData("""{"ids":[]}""", ErrorCodes.ValidationFailed)]
    [InlineData("""{"layout":"a4"}""", ErrorCodes.ValidationFailed)]
    [InlineData("""{"ids":[null]}""", ErrorCodes.ValidationFailed)]
    [InlineData("""{"ids":["0123456789012345678901234567890123456789012345678901234567890123x"]}""", ErrorCodes.ValidationFailed)]
    [InlineData("""{"ids":["abc"],"layout":"poster"}""", ErrorCodes.BadFormat)]
    [InlineData("""{"ids":["abc"],"lang":"es"}""", ErrorCodes.BadFormat)]
    [InlineData("""{"ids":["abc"],"status":"active"}""", ErrorCodes.InvalidJson)]
    [InlineData("""{"ids":"abc"}""", ErrorCodes.InvalidJson)]
    public async Task MalformedBatchRequestsAre400(string body, string code)
    {
        var reply = await App.DocumentsAsync(null!, rawBody: body);

        Assert.Equal((400, code), (reply.Status, reply.ProblemCode()));
    }

    [Fact]
    public async Task MoreThan500IdsAre400()
    {
        var ids = Enumerable.Range(0, 501).Select(i => i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var reply = await App.DocumentsAsync(new DocumentBatchRequest(ids));

        Assert.Equal((400, ErrorCodes.TooManyItems), (reply.Status, reply.ProblemCode()));
    }
}
