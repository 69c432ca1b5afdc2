using AccessPmc.Contracts;
using AccessPmc.Functions.Documents;

namespace AccessPmc.Tests.Documents;

/// <summary>
/// A batch id that is not a pass id is refused alone, listed as malformed (400), and printed so that nothing in it
/// is invisible or reordered: every character outside printable ASCII shows as �.
/// </summary>
public sealed class DocumentBatchIdTests(AzuriteFixture azurite) : AppTests(azurite, "docids")
{
    [Fact]
    public async Task MalformedIdsAreListedAloneWithWhatTheyHideMadeVisible()
    {
        var mine = await App.IssuedAsync();
        string[] ids = [mine.Id, "nope\u202Eevil", "\u200B", "a\u0000b", mine.Id.ToUpperInvariant()];

        var reply = await App.DocumentsAsync(new DocumentBatchRequest(ids, DocumentLayouts.Card, DocumentLanguages.English));

        using var pdf = reply.Open();
        Assert.Equal(("1", "4"), (reply.Headers[DocumentHeaders.Printed].ToString(), reply.Headers[DocumentHeaders.Refused].ToString()));
        var refusals = pdf.Squashed(2);
        Assert.Contains("2nope\uFFFDevilmalformedid(400)", refusals);
        Assert.Contains("3\uFFFDmalformedid(400)", refusals);
        Assert.Contains("4a\uFFFDbmalformedid(400)", refusals);
        Assert.Contains($"5{mine.Id.ToUpperInvariant()}malformedid(400)", refusals);
        Assert.DoesNotContain('\u202E', refusals);
        Assert.DoesNotContain('\u200B', refusals);
    }

    [Theory]
    [InlineData("nope\u202Eevil", "nope\uFFFDevil")]
    [InlineData("e\u0301", "\uFFFD")]
    [InlineData("\U0001F600x", "\uFFFDx")]
    [InlineData("0123abcdef-_~!", "0123abcdef-_~!")]
    [InlineData(" a ", "\uFFFDa\uFFFD")]
    public void AnIdIsPrintedAsItsPrintableAsciiWithOneVisibleMarkForEachOtherCharacter(string id, string printed) =>
        Assert.Equal(printed, RefusalPages.Visible(id));
}
