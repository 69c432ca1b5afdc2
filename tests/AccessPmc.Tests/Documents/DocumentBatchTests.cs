using System.Text.RegularExpressions;
using AccessPmc.Contracts;
using AccessPmc.Functions.Documents;
using AccessPmc.Functions.Passes;

namespace AccessPmc.Tests.Documents;

/// <summary>The largest batch, generated once: 500 ids of which one is another unit's and one unknown.</summary>
public sealed partial class DocumentBatchTests(AzuriteFixture azurite) : AppTests(azurite, "docbatch")
{
    [Fact]
    public async Task BatchOf500WithAnotherUnitsAndAnUnknownIdPrints498CardsInOrderAndListsTheTwo()
    {
        var ours = await IssueAsync(498);
        var theirs = await App.IssuedAsync(Calls.Typical() with { Unit = "CHEM" }, TestApp.OtherIssuerKey);
        var unknown = new string('e', 32);
        var ids = ours.ToList();
        ids.Insert(100, theirs.Id);
        ids.Insert(300, unknown);

        var reply = await App.DocumentsAsync(new DocumentBatchRequest(ids, DocumentLayouts.Sheet));

        using var pdf = reply.Open();
        Assert.Equal(("498", "2"), (reply.Headers[DocumentHeaders.Printed].ToString(), reply.Headers[DocumentHeaders.Refused].ToString()));
        Assert.Equal(50 + 1, pdf.NumberOfPages); // 50 sheets of 10 cards, then the refusals
        var printed = Enumerable.Range(1, 50).SelectMany(p => PassId().Matches(pdf.GetPage(p).Text).Select(m => m.Value)).ToList();
        Assert.Equal(ours, printed);

        var refusals = pdf.Squashed(51);
        Assert.Contains("Documentsimprimés:498.Identifiantsrefusés:2.", refusals);
        Assert.Contains($"101{theirs.Id}introuvable(404)", refusals);
        Assert.Contains($"301{unknown}introuvable(404)", refusals);

        // The last card of the last sheet still reads back as its own code.
        var last = CardSheet.Slot(7);
        var png = PdfRaster.Png(reply.Body, 50, 150, (last.X, last.Y, CardFace.Width, CardFace.Height));
        var code = (await App.GetAsync(ours[^1])).Json<PassResponse>().Code;
        Assert.Equal(code, PdfRaster.ReadQr(png, 150, QrDrawing.Modules(code)).Text);
    }

    private async Task<IReadOnlyList<string>> IssueAsync(int count)
    {
        var items = Enumerable.Range(0, count)
            .Select(i => new BatchIssueItem("Éloïse", $"D’Argent-de La Tour {i}", PassKinds.Temporary, TestApp.Start, TestApp.Start.AddDays(3), ["PMC"]))
            .ToList();
        var reply = await App.CallAsync<IssueBatchFunction>("POST", "/api/passes/batch", new BatchIssueRequest(items), TestApp.IssuerKey, async (f, r) => (await f.Run(r, default)).Result);
        var issued = reply.Json<BatchIssueResponse>();
        Assert.Equal(count, issued.Created);
        return issued.Items.OrderBy(i => i.Index).Select(i => i.Id!).ToList();
    }

    // Ids print under each card's QR; the pass number is not on cards, so each id appears once per card.
    [GeneratedRegex("[0-9a-f]{32}")]
    private static partial Regex PassId();
}
