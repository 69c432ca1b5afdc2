using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;

namespace AccessPmc.Tests.Http;

/// <summary>
/// JSON bodies that parse but cannot be one request: each is 400 <c>invalid_json</c> naming the member, in the
/// API's words (no .NET type names), and nothing is issued.
/// </summary>
public sealed class JsonBodyTests(AzuriteFixture azurite) : AppTests(azurite, "jsonbody")
{
    private const string Valid = "\"givenName\":\"Jeanne\",\"familyName\":\"Dupont\",\"kind\":\"temporary\",\"sites\":[\"PMC\"]";

    [Theory]
    [InlineData("{" + Valid + ",\"Sites\":[\"JUSSIEU\"]}", "$.Sites", "'sites' is given twice")]
    [InlineData("{" + Valid + ",\"givenName\":\"Claire\"}", "$.givenName", "'givenName' is given twice")]
    [InlineData("{\"givenName\":1,\"familyName\":\"Dupont\",\"kind\":\"temporary\",\"sites\":[\"PMC\"]}", "$.givenName", "wrong type or form (Cannot get the value of a token type 'Number' as a string)")]
    [InlineData("{\"givenName\":\"Jeanne\",\"familyName\":\"Dupont\",\"kind\":\"temporary\",\"sites\":\"PMC\"}", "$.sites", "wrong type or form")]
    [InlineData("{" + Valid + ",\"validFrom\":\"2026-01-01T23:59:60Z\"}", "$.validFrom", "A time with its date and offset is needed")]
    [InlineData("{" + Valid + ",\"validFrom\":\"0001-01-01T00:00:00+14:00\"}", "$.validFrom", "A time with its date and offset is needed")]
    [InlineData("{" + Valid + ",\"validUntil\":\"2026-12-09\"}", "$.validUntil", "a date alone, or a time without offset, would depend on the server's zone")]
    [InlineData("{" + Valid + ",\"validUntil\":\"2026-12-09T18:00:00\"}", "$.validUntil", "A time with its date and offset is needed")]
    [InlineData("{" + Valid + ",\"validUntil\":1765300000}", "$.validUntil", "A time with its date and offset is needed, as a string.")]
    [InlineData("{\"givenName\":\"\\ud800\",\"familyName\":\"Dupont\",\"kind\":\"temporary\",\"sites\":[\"PMC\"]}", "$.givenName", "surrogate")]
    [InlineData("{" + Valid + ",\"status\":\"active\"}", "$.status", "Unknown member 'status'")]
    [InlineData("[1]", "$", "The body must be a JSON object.")]
    public async Task AMemberThatCannotBeReadIsNamedInPlainWordsAndNothingIsIssued(string body, string member, string words)
    {
        var reply = await App.IssueAsync(null, rawBody: body);

        Assert.Equal((400, ErrorCodes.InvalidJson), (reply.Status, reply.ProblemCode()));
        Assert.Contains($"\"{member}\"", reply.Body, StringComparison.Ordinal);
        Assert.Contains(words, reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("AccessPmc.", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", reply.Body, StringComparison.Ordinal);
        Assert.Empty(await App.Tables.Passes.QueryAsync<PassEntity>().ToListAsync());
    }
}
