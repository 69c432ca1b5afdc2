using AccessPmc.Functions.Passes;
using AccessPmc.Contracts;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace AccessPmc.Functions.Documents;

/// <summary>A requested layout and language, checked.</summary>
public sealed record DocumentFormat(string Layout, DocumentTexts Texts)
{
    /// <summary>Null parameters take the defaults (<c>a4</c>, <c>fr</c>); anything else unknown is 400 <c>bad_format</c>.</summary>
    public static Http.Outcome<DocumentFormat> Parse(string? layout, string? lang)
    {
        var l = (layout ?? DocumentLayouts.A4).ToLowerInvariant();
        if (!DocumentLayouts.All.Contains(l))
        {
            return Http.ApiError.Invalid(ErrorCodes.BadFormat, "layout", $"One of: {string.Join(", ", DocumentLayouts.All)}.");
        }

        return DocumentTexts.For(lang ?? DocumentLanguages.French) is { } texts
            ? new DocumentFormat(l, texts)
            : Http.ApiError.Invalid(ErrorCodes.BadFormat, "lang", $"One of: {string.Join(", ", DocumentLanguages.All)}.");
    }
}

/// <summary>
/// Lays out passes as one PDF: an A4 page per pass, a card-sized page per pass, or A4 sheets of ten cards; refused
/// ids of a batch are listed on closing A4 pages. PDF metadata names no holder.
/// </summary>
public sealed class DocumentRenderer(PrintedPassFactory factory, IOptions<DocumentOptions> options, TimeProvider clock)
{
    /// <summary>PDF bytes; <paramref name="passes"/> must still hold their holder data and code.</summary>
    public byte[] Render(IReadOnlyList<PassEntity> passes, IReadOnlyList<Refusal> refusals, DocumentFormat format)
    {
        DocumentFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = format.Texts.DocumentTitle;
        document.Info.Author = options.Value.Organization;
        document.Info.Creator = "ACCESSPMC";
        document.Info.CreationDate = clock.GetUtcNow().UtcDateTime;

        var printed = passes.Select(p => factory.Create(p, format.Texts)).ToList();
        switch (format.Layout)
        {
            case DocumentLayouts.A4:
                printed.ForEach(p => Page(document, A4Page.Width, A4Page.Height, g => A4Page.Draw(g, p, format.Texts)));
                break;
            case DocumentLayouts.Card:
                printed.ForEach(p => Page(document, CardFace.Width, CardFace.Height, g => CardFace.Draw(g, p, format.Texts, 0, 0)));
                break;
            default:
                foreach (var sheet in printed.Chunk(CardSheet.PerSheet))
                {
                    Page(document, A4Page.Width, A4Page.Height, g => Sheet(g, sheet, format.Texts));
                }

                break;
        }

        RefusalPages.Add(document, refusals, printed.Count, format.Texts);
        using var pdf = new MemoryStream();
        document.Save(pdf);
        return pdf.ToArray();
    }

    private static void Page(PdfDocument document, double width, double height, Action<XGraphics> draw)
    {
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(width);
        page.Height = XUnit.FromPoint(height);
        using var g = XGraphics.FromPdfPage(page);
        draw(g);
    }

    private static void Sheet(XGraphics g, IReadOnlyList<PrintedPass> cards, DocumentTexts texts)
    {
        CardSheet.DrawCropMarks(g, cards.Count);
        for (var i = 0; i < cards.Count; i++)
        {
            var corner = CardSheet.Slot(i);
            CardFace.Draw(g, cards[i], texts, corner.X, corner.Y);
        }
    }
}
