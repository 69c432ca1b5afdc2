using PdfSharp.Drawing;

namespace AccessPmc.Functions.Documents;

/// <summary>
/// The A4 attestation / laissez-passer (ISO 216, 210 × 297 mm = 595.28 × 841.89 pt, portrait), one pass per page:
/// institution and title by kind, pass number, holder, unit, sites, validity in the site's local time, issuance,
/// the QR (70 mm with its quiet zone, so the symbol is at least 60 mm), how it is checked and the GDPR notice.
/// </summary>
public static class A4Page
{
    public const double Width = 595.28;
    public const double Height = 841.89;

    /// <summary>15 mm: inside every office printer's printable area.</summary>
    public const double Margin = 42.52;

    /// <summary>70 mm, quiet zone included.</summary>
    public const double QrSide = 198.43;

    public static void Draw(XGraphics g, PrintedPass pass, DocumentTexts texts)
    {
        const double x = Margin;
        const double width = Width - (2 * Margin);
        var y = Header(g, pass, x, Margin, width);
        y = Holder(g, pass, texts, x, y, width);
        y = Details(g, pass, texts, x, y, width);
        y = Notice(g, pass, texts, x, y, width);
        if (y > Height - Margin)
        {
            throw new InvalidOperationException($"The A4 layout ran {y - (Height - Margin):0.#} pt past the bottom margin.");
        }

        if (pass.Mark is { } mark)
        {
            StatusMark.Draw(g, mark, 0, 0, Width, Height);
        }
    }

    private static double Header(XGraphics g, PrintedPass pass, double x, double y, double width)
    {
        y = TextFit.Wrap(g, pass.Organization, false, 11, width, 30).Draw(g, x, y, Ink.Muted) + 4;
        y = TextFit.Shrink(g, pass.Title, true, 24, 16, width, 60).Draw(g, x, y, Ink.Accent) + 2;
        y = TextFit.Shrink(g, pass.Number, false, 10, 7, width, 14).Draw(g, x, y, Ink.Muted) + 8;
        if (pass.MarkDetail is { } detail)
        {
            y = TextFit.Wrap(g, detail, true, 12, width, 32).Draw(g, x, y, Ink.Alert) + 6;
        }

        return Rule(g, x, y, width) + 10;
    }

    private static double Holder(XGraphics g, PrintedPass pass, DocumentTexts texts, double x, double y, double width)
    {
        y = TextFit.Wrap(g, texts.Holder, false, 9, width, 14).Draw(g, x, y, Ink.Muted) + 2;
        y = TextFit.Shrink(g, pass.Name, true, 22, 14, width, 90).Draw(g, x, y, Ink.Text) + 2;
        if (pass.NameHasReplacements)
        {
            y = TextFit.Wrap(g, texts.Substituted, false, 8, width, 12).Draw(g, x, y, Ink.Muted);
        }

        return Rule(g, x, y + 8, width) + 12;
    }

    // Fields on the left, the QR and its caption on the right.
    private static double Details(XGraphics g, PrintedPass pass, DocumentTexts texts, double x, double y, double width)
    {
        var column = width - QrSide - 18;
        var left = Field(g, texts.Unit, pass.Unit, false, x, y, column, 30);
        left = Field(g, texts.Sites, pass.Sites, false, x, left, column, 150);
        left = Field(g, texts.ValidFrom, pass.ValidFrom.ToString(), true, x, left, column, 30);
        left = Field(g, texts.ValidUntil, pass.ValidUntil.ToString(), true, x, left, column, 30);
        left = Field(g, texts.LocalTime, pass.Zone, false, x, left, column, 30);
        left = Field(g, texts.Issued, pass.Issued, false, x, left, column, 30);

        var qrX = x + width - QrSide;
        QrDrawing.Draw(g, pass.Code, qrX, y, QrSide);
        var right = TextFit.Wrap(g, texts.ShowCode, false, 9, QrSide, 40).Draw(g, qrX, y + QrSide + 2, Ink.Muted, centred: true);
        return Math.Max(left, right) + 16;
    }

    // Anchored to the bottom margin, where such notices sit on official forms; pushed down only by long content.
    private static double Notice(XGraphics g, PrintedPass pass, DocumentTexts texts, double x, double y, double width)
    {
        (TextBlock Block, XBrush Ink, double Gap)[] blocks =
        [
            (TextFit.Wrap(g, texts.HowCheckedTitle, true, 9, width, 14), Ink.Accent, 2),
            (TextFit.Wrap(g, pass.HowChecked, false, 8.5, width, 70), Ink.Text, 8),
            (TextFit.Wrap(g, texts.PrivacyTitle, true, 9, width, 14), Ink.Accent, 2),
            (TextFit.Wrap(g, pass.Privacy, false, 8.5, width, 110), Ink.Text, 0),
        ];
        y = Math.Max(y, Height - Margin - blocks.Sum(b => b.Block.Height + b.Gap));
        Rule(g, x, y - 10, width);
        foreach (var (block, ink, gap) in blocks)
        {
            y = block.Draw(g, x, y, ink) + gap;
        }

        return y;
    }

    private static double Field(XGraphics g, string label, string value, bool bold, double x, double y, double width, double maxHeight)
    {
        y = TextFit.Wrap(g, label, false, 8.5, width, 12).Draw(g, x, y, Ink.Muted) + 1;
        return TextFit.Wrap(g, value, bold, 11, width, maxHeight).Draw(g, x, y, Ink.Text) + 7;
    }

    private static double Rule(XGraphics g, double x, double y, double width)
    {
        g.DrawLine(Ink.Rule, x, y, x + width, y);
        return y;
    }
}
