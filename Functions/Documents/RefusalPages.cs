using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace AccessPmc.Functions.Documents;

/// <summary>
/// An id of a batch that got no document: <paramref name="Position"/> is its 1-based place in the request,
/// <paramref name="Status"/> the answer a single read would have given (404 unknown or another unit's, 410 erased),
/// or 400 when the id is not a pass id at all.
/// </summary>
public sealed record Refusal(int Position, string Id, int Status);

/// <summary>
/// The A4 page(s) that close a batch with refused ids: the counts, then one line per refused id with its
/// position in the request and the reason, 50 lines a page.
/// </summary>
public static class RefusalPages
{
    public const int LinesPerPage = 50;

    private const double RowHeight = 13;

    public static void Add(PdfDocument document, IReadOnlyList<Refusal> refusals, int printed, DocumentTexts texts)
    {
        foreach (var chunk in refusals.Chunk(LinesPerPage))
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(A4Page.Width);
            page.Height = XUnit.FromPoint(A4Page.Height);
            using var g = XGraphics.FromPdfPage(page);
            Draw(g, chunk, printed, refusals.Count, texts);
        }
    }

    private static void Draw(XGraphics g, IReadOnlyList<Refusal> refusals, int printed, int refused, DocumentTexts texts)
    {
        const double x = A4Page.Margin;
        const double width = A4Page.Width - (2 * A4Page.Margin);
        var y = TextFit.Shrink(g, texts.RefusedTitle, true, 18, 12, width, 30).Draw(g, x, A4Page.Margin, Ink.Accent) + 4;
        var summary = string.Format(CultureInfo.InvariantCulture, texts.RefusedSummary, printed, refused);
        y = TextFit.Wrap(g, summary, false, 10, width, 30).Draw(g, x, y, Ink.Text) + 12;

        var (position, id, reason) = (x, x + 60, x + 290);
        Row(g, texts.RefusedPosition, texts.RefusedId, texts.RefusedReason, position, id, reason, y, bold: true);
        y += RowHeight + 4;
        foreach (var refusal in refusals)
        {
            var why = refusal.Status switch { 410 => texts.ReasonErased, 400 => texts.ReasonMalformed, _ => texts.ReasonNotFound };
            Row(g, refusal.Position.ToString(CultureInfo.InvariantCulture), Visible(refusal.Id), why, position, id, reason, y, bold: false);
            y += RowHeight;
        }
    }

    /// <summary>
    /// The id as printed: pass ids are printable ASCII, so every text element that is not (a letter with accents, a
    /// bidi override, a zero-width space) becomes one visible �. Nothing is dropped, reordered or hidden, and a
    /// 64-character id stays 64 characters wide.
    /// </summary>
    public static string Visible(string id)
    {
        var shown = new StringBuilder(id.Length);
        var elements = StringInfo.GetTextElementEnumerator(id);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            shown.Append(element is [>= '!' and <= '~'] ? element : DocumentFonts.Replacement.ToString());
        }

        return shown.ToString();
    }

    // Ids are at most 64 characters (checked on the request): they shrink to their column, never past it.
    private static void Row(XGraphics g, string position, string id, string reason, double x1, double x2, double x3, double y, bool bold)
    {
        TextFit.Shrink(g, position, bold, 9, 6, x2 - x1 - 6, RowHeight).Draw(g, x1, y, Ink.Text);
        TextFit.Shrink(g, id, bold, 9, TextFit.Floor, x3 - x2 - 6, RowHeight).Draw(g, x2, y, Ink.Text);
        TextFit.Shrink(g, reason, bold, 9, 6, A4Page.Width - A4Page.Margin - x3, RowHeight).Draw(g, x3, y, Ink.Text);
    }
}
