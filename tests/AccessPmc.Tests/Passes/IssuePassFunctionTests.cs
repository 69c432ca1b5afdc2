using AccessPmc.Contracts;

namespace AccessPmc.Tests.Passes;

public sealed class IssuePassFunctionTests(AzuriteFixture azurite) : AppTests(azurite, "issue")
{
    [Fact]
    public async Task IssuingAValidRequestAnswers201WithCodeAndLinks()
    {
        var reply = await App.IssueAsync(Calls.Typical());

        Assert.Equal(201, reply.Status);
        var pass = reply.Json<PassResponse>();
        Assert.Matches("^[0-9a-f]{32}$", pass.Id);
        Assert.StartsWith("PMC1:", pass.Code, StringComparison.Ordinal);
        Assert.Equal(PassStatuses.Active, pass.Status);
        Assert.Equal(["PMC", "JUSSIEU"], pass.Sites);
        Assert.Equal("PHYS", pass.Unit);
        Assert.Equal("J. DUPONT", pass.DisplayLabel);
        Assert.Equal($"/api/passes/{pass.Id}/qr?format=png", pass.Links.QrPng);
        Assert.Equal($"/api/passes/{pass.Id}/document", pass.Links.Document);
        Assert.Equal($"/api/passes/{pass.Id}", reply.Headers.Location.ToString());
    }

    [Fact]
    public async Task IssuedPassReadsBackFromStorage()
    {
        var issued = await App.IssuedAsync();

        var reply = await App.GetAsync(issued.Id);

        Assert.Equal(200, reply.Status);
        var read = reply.Json<PassResponse>();
        Assert.Equal(issued.Code, read.Code);
        Assert.Equal("Jeanne", read.GivenName);
        Assert.Equal(issued.ValidUntil, read.ValidUntil);
    }

    [Theory]
    [InlineData("{not json", ErrorCodes.InvalidJson)]
    [InlineData("[1,2]", ErrorCodes.InvalidJson)]
    [InlineData("null", ErrorCodes.InvalidJson)]
    [InlineData("""{"givenName":"J","familyName":"D","kind":"forever","sites":["PMC"]}""", ErrorCodes.UnknownKind)]
    [InlineData("""{"givenName":"J","familyName":"D","kind":"temporary","sites":["MARS"]}""", ErrorCodes.UnknownSite)]
    [InlineData("""{"givenName":"J","familyName":"D","kind":"temporary","sites":[]}""", ErrorCodes.UnknownSite)]
    [InlineData("""{"givenName":"","familyName":"D","kind":"temporary","sites":["PMC"]}""", ErrorCodes.ValidationFailed)]
    [InlineData("""{"givenName":"J","familyName":"D","kind":"temporary","sites":["PMC"],"validFrom":"2026-03-17T00:00:00Z","validUntil":"2026-03-16T00:00:00Z"}""", ErrorCodes.ValidityReversed)]
    [InlineData("""{"givenName":"J","familyName":"D","kind":"temporary","sites":["PMC"],"validFrom":"2026-03-16T00:00:00Z","validUntil":"2026-04-16T00:00:00Z"}""", ErrorCodes.ValidityTooLong)]
    [InlineData("""{"givenName":"J","familyName":"D","kind":"temporary","sites":["PMC"],"validFrom":"2026-03-01T00:00:00Z","validUntil":"2026-03-02T00:00:00Z"}""", ErrorCodes.ValidityInPast)]
    [InlineData("""{"givenName":"J","familyName":"D","kind":"temporary","sites":["PMC"],"status":"revoked"}""", ErrorCodes.InvalidJson)]
    public async Task BadRequestAnswers400ProblemWithAStableCode(string body, string code)
    {
        var reply = await App.IssueAsync(null, rawBody: body);

        Assert.Equal(400, reply.Status);
        Assert.Equal("application/problem+json", reply.ContentType);
        Assert.Equal(code, reply.ProblemCode());
    }

    [Fact]
    public async Task OversizedBodyAnswers413()
    {
        var body = $$"""{"givenName":"{{new string('x', 40_000)}}"}""";

        var reply = await App.IssueAsync(null, rawBody: body);

        Assert.Equal(413, reply.Status);
        Assert.Equal(ErrorCodes.BodyTooLarge, reply.ProblemCode());
    }

    [Fact]
    public async Task NonJsonContentTypeAnswers415()
    {
        var req = App.Request("POST", "/api/passes", rawBody: "givenName=J", contentType: "application/x-www-form-urlencoded");

        var reply = await TestApp.ExecuteAsync(req, await App.Function<AccessPmc.Functions.Passes.IssuePassFunction>().Run(req, default));

        Assert.Equal(415, reply.Status);
    }

    [Fact]
    public async Task NoKeyAnswers401()
    {
        var reply = await App.IssueAsync(Calls.Typical(), key: null);

        Assert.Equal(401, reply.Status);
        Assert.Equal(ErrorCodes.Unauthenticated, reply.ProblemCode());
        Assert.Equal("Bearer", reply.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task WrongKeyAnswers401()
    {
        var reply = await App.IssueAsync(Calls.Typical(), key: TestApp.IssuerKey + "x");

        Assert.Equal(401, reply.Status);
    }

    [Fact]
    public async Task ScannerMayNotIssue403()
    {
        var reply = await App.IssueAsync(Calls.Typical(), key: TestApp.ScannerKey);

        Assert.Equal(403, reply.Status);
        Assert.Equal(ErrorCodes.Forbidden, reply.ProblemCode());
    }

    [Fact]
    public async Task IssuerMayNotIssueForASiteOutsideItsScope()
    {
        var reply = await App.IssueAsync(Calls.Typical(sites: "VILLEJUIF"));

        Assert.Equal(403, reply.Status);
        Assert.Equal(ErrorCodes.SiteNotAllowed, reply.ProblemCode());
    }

    [Fact]
    public async Task IssuerMayNotIssueForAnotherUnit()
    {
        var reply = await App.IssueAsync(Calls.Typical() with { Unit = "CHEM" });

        Assert.Equal(403, reply.Status);
    }

    [Fact]
    public async Task AnotherUnitsPassIsNotFound()
    {
        var pass = await App.IssuedAsync();

        var reply = await App.GetAsync(pass.Id, key: TestApp.OtherIssuerKey);

        Assert.Equal(404, reply.Status);
        Assert.Equal(ErrorCodes.NotFound, reply.ProblemCode());
    }

    [Fact]
    public async Task AdminSeesEveryUnitsPass()
    {
        var pass = await App.IssuedAsync();

        Assert.Equal(200, (await App.GetAsync(pass.Id, key: TestApp.AdminKey)).Status);
    }

    [Fact]
    public async Task MalformedPassIdIsNotFound()
    {
        Assert.Equal(404, (await App.GetAsync("../../etc")).Status);
    }

    [Fact]
    public async Task RequestFieldsCannotSetStatusIssuerOrDates()
    {
        foreach (var field in new[] { "\"status\":\"revoked\"", "\"issuerId\":\"admin\"", "\"issuedAt\":\"2020-01-01T00:00:00Z\"", "\"id\":\"00000000000000000000000000000000\"", "\"code\":\"PMC1:X\"" })
        {
            var body = $$"""{"givenName":"J","familyName":"D","kind":"temporary","sites":["PMC"],{{field}}}""";

            var reply = await App.IssueAsync(null, key: TestApp.AdminKey, rawBody: body);

            Assert.Equal(400, reply.Status);
        }
    }

    [Theory]
    [InlineData("😀Zoé", "Dupont", "Z. DUPONT")]
    [InlineData("Éloïse", "D'Argent-de La Tour", "É. D'ARGENT-DE LA TOUR")]
    [InlineData("Jean", "Dupont-Villeneuve-de-la-Gran😀😀", "J. DUPONT-VILLENEUVE-DE-LA")]
    public async Task AnyUnicodeNameIsIssuedWithALabelCutByWholeCharacters(string given, string family, string label)
    {
        var reply = await App.IssueAsync(Calls.Typical() with { GivenName = given, FamilyName = family });

        Assert.Equal(201, reply.Status);
        Assert.Equal(label, reply.Json<PassResponse>().DisplayLabel);
    }

    [Fact]
    public async Task ALoneSurrogateInANameIsA400()
    {
        var reply = await App.IssueAsync(null, rawBody: """{"givenName":"\ud83dZo","familyName":"Dupont","kind":"temporary","sites":["PMC"]}""");

        Assert.Equal(400, reply.Status);
    }

    [Fact]
    public async Task AUnitInAnotherCaseIsStoredAndListedAsTheUnit()
    {
        var pass = (await App.IssueAsync(Calls.Typical() with { Unit = "phys" })).Json<PassResponse>();
        var listed = await App.CallAsync<AccessPmc.Functions.Passes.ListPassesFunction>("GET", "/api/passes?unit=PHYS", null, TestApp.IssuerKey, async (f, r) => (await f.Run(r, default)).Result);

        Assert.Equal("PHYS", pass.Unit);
        Assert.Contains(listed.Json<PassPage>().Items, p => p.Id == pass.Id);
    }
}
