using System.Text.Json;
using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;

namespace AccessPmc.Tests.Passes;

/// <summary>
/// A name that looks like another at the gate never reaches a signed label: invisible names, bidi overrides and
/// stacks of combining marks are refused at issuance, naming the field and the character (D62).
/// </summary>
public sealed class SpoofedNameTests(AzuriteFixture azurite) : AppTests(azurite, "spoof")
{
    [Theory]
    [InlineData("\\u200b", "\\u200b", "givenName", "U+200B")]
    [InlineData("Jean", "\\u202eTNOPUD", "familyName", "U+202E")]
    [InlineData("\\ufeff", "Dupont", "givenName", "U+FEFF")]
    [InlineData("Jean", "\\u3164", "familyName", "U+3164")]
    [InlineData("Jean", "Du\\u1160pont", "familyName", "U+1160")]
    [InlineData("\\u115f", "Dupont", "givenName", "U+115F")]
    [InlineData("Jean", "\\uffa0Dupont", "familyName", "U+FFA0")]
    [InlineData("Jean", "Du\\u034fpont", "familyName", "U+034F")]
    [InlineData("Je\\u00adan", "Dupont", "givenName", "U+00AD")]
    [InlineData("Jean", "\\ue000", "familyName", "U+E000")]
    [InlineData("Jean", "\\u2800", "familyName", "U+2800")]
    public async Task InvisibleOrReorderingNamesAre400NamingTheFieldAndTheCharacter(string given, string family, string field, string code)
    {
        var body = $$"""{"givenName":"{{given}}","familyName":"{{family}}","kind":"temporary","sites":["PMC"],"validFrom":"2026-03-16T08:00:00Z","validUntil":"2026-03-17T08:00:00Z"}""";

        var reply = await App.IssueAsync(null, rawBody: body);

        Assert.Equal((400, "application/problem+json", ErrorCodes.ValidationFailed), (reply.Status, reply.ContentType, reply.ProblemCode()));
        var message = Assert.Single(Errors(reply)[field]);
        Assert.StartsWith($"{field}: {code} ", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStackOfCombiningMarksCannotPushTheFamilyNameOutOfTheLabel()
    {
        var zalgo = "a" + new string('\u0334', 62);

        var reply = await App.IssueAsync(Calls.Typical() with { GivenName = zalgo });

        Assert.Equal((400, ErrorCodes.ValidationFailed), (reply.Status, reply.ProblemCode()));
        Assert.Contains("more than 4 combining marks", Assert.Single(Errors(reply)["givenName"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamesJoinedTheWayTheirScriptNeedsAreIssued()
    {
        var persian = "\u0646\u06CC\u06A9\u200C\u0646\u0627\u0645";

        var pass = await App.IssuedAsync(Calls.Typical() with { GivenName = "Ali", FamilyName = persian });

        Assert.Equal($"A. {persian}", pass.DisplayLabel);
    }

    [Fact]
    public async Task ABatchRefusesTheSpoofedItemAloneWithTheSameRule()
    {
        BatchIssueItem Item(string family) => new("Jean", family, PassKinds.Temporary, TestApp.Start, TestApp.Start.AddDays(1), ["PMC"]);
        var batch = new BatchIssueRequest([Item("Dupont"), Item("\u202ETNOPUD")]);

        var reply = await App.CallAsync<IssueBatchFunction>("POST", "/api/passes/batch", batch, TestApp.IssuerKey, async (f, r) => (await f.Run(r, default)).Result);

        var items = reply.Json<BatchIssueResponse>().Items.OrderBy(i => i.Index).ToList();
        Assert.Equal((BatchItemStatuses.Created, BatchItemStatuses.Failed), (items[0].Status, items[1].Status));
        Assert.StartsWith("familyName: U+202E ", items[1].Error!.Errors!["familyName"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownSiteIsQuotedBackWithWhatItHidesNamed()
    {
        var reply = await App.IssueAsync(Calls.Typical(sites: "PMC\u202E1"));

        Assert.Equal((400, ErrorCodes.UnknownSite), (reply.Status, reply.ProblemCode()));
        Assert.StartsWith("Unknown site 'PMC<U+202E>1'.", Assert.Single(Errors(reply)["sites"]), StringComparison.Ordinal);
    }

    private static Dictionary<string, string[]> Errors(Reply reply) =>
        JsonDocument.Parse(reply.Body).RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
}
