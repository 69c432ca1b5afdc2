using PdfSharp.Drawing;

namespace AccessPmc.Functions.Documents;

/// <summary>
/// A wallet card, ISO/IEC 7810 ID-1 (85.60 × 53.98 mm = 242.65 × 153.01 pt): the QR on the left, as large as the
/// card's height allows (44 mm with its quiet zone, so the symbol is about 38 mm), the pass id under it; on the
/// right the institution, the kind, the holder's name, and the end of validity in the site's local time.
/// </summary>
public static class CardFace
{
    public const double Width = 242.65;
    public const double Height = 153.01;

    /// <summary>3 mm kept clear of text on every edge: a trimmer may cut a little inside the line.</summary>
    public const double Safe = 8.5;

    /// <summary>44 mm, quiet zone included: the quiet zone's white may reach into the safe margin.</summary>
    public const double QrSide = 125;

    private const double QrInset = 3;
    private const double IdHeight = 8;

    /// <summary>Draws the card with its top-left corner at (<paramref name="left"/>, <paramref name="top"/>).</summary>
    public static void Draw(XGraphics g, PrintedPass pass, DocumentTexts texts, double left, double top)
    {
        var qrX = left + QrInset;
        var qrY = top + ((Height - QrSide - IdHeight) / 2);
        QrDrawing.Draw(g, pass.Code, qrX, qrY, QrSide);
        TextFit.Shrink(g, pass.Id, false, 5, 4, QrSide, IdHeight).Draw(g, qrX, qrY + QrSide, Ink.Muted, centred: true);

        var x = qrX + QrSide + 4;
        var width = left + Width - Safe - x;
        var y = top + Safe;
        y = TextFit.Wrap(g, pass.Organization, false, 6, width, 15).Draw(g, x, y, Ink.Muted) + 2;
        y = TextFit.Shrink(g, pass.Title, true, 9, 6, width, 22).Draw(g, x, y, Ink.Accent) + 5;
        y = TextFit.Shrink(g, pass.Name, true, 11, 6.5, width, 56).Draw(g, x, y, Ink.Text) + 5;
        y = TextFit.Wrap(g, texts.ValidUntil, false, 6, width, 16).Draw(g, x, y, Ink.Muted) + 1;
        y = TextFit.Shrink(g, pass.ValidUntil.DateTime, true, 9, 6, width, 11).Draw(g, x, y, Ink.Text) + 1;
        y = TextFit.Wrap(g, $"{pass.ValidUntil.Offset} · {pass.Zone}", false, 5.5, width, 14).Draw(g, x, y, Ink.Muted);
        if (y > top + Height - Safe)
        {
            throw new InvalidOperationException($"The card layout ran {y - (top + Height - Safe):0.#} pt past its safe margin.");
        }

        if (pass.Mark is { } mark)
        {
            StatusMark.Draw(g, mark, left, top, Width, Height);
        }
    }
}

/// <summary>
/// A4 sheets of ten cards (2 columns × 5 rows, abutting, centred), with crop marks in the sheet's margins at every
/// cut line: cut with a guillotine or a rotary trimmer. Cards keep the request's order, left to right, top to bottom.
/// </summary>
public static class CardSheet
{
    public const int Columns = 2;
    public const int Rows = 5;
    public const int PerSheet = Columns * Rows;

    public const double Left = (A4Page.Width - (Columns * CardFace.Width)) / 2;
    public const double Top = (A4Page.Height - (Rows * CardFace.Height)) / 2;

    /// <summary>Marks start 3 mm from the cards and are 5 mm long, so they stay out of the cards and inside the printable area.</summary>
    private const double MarkGap = 8.5;
    private const double MarkLength = 14.17;

    /// <summary>Top-left corner of the card at <paramref name="slot"/> (0 to 9) on its sheet.</summary>
    public static XPoint Slot(int slot) => new(Left + (slot % Columns * CardFace.Width), Top + (slot / Columns * CardFace.Height));

    /// <summary>Crop marks for a sheet holding <paramref name="cards"/> cards: the rows in use, every column.</summary>
    public static void DrawCropMarks(XGraphics g, int cards)
    {
        var rows = (cards + Columns - 1) / Columns;
        var bottom = Top + (rows * CardFace.Height);
        for (var c = 0; c <= Columns; c++)
        {
            var x = Left + (c * CardFace.Width);
            g.DrawLine(Ink.Crop, x, Top - MarkGap - MarkLength, x, Top - MarkGap);
            g.DrawLine(Ink.Crop, x, bottom + MarkGap, x, bottom + MarkGap + MarkLength);
        }

        var right = Left + (Columns * CardFace.Width);
        for (var r = 0; r <= rows; r++)
        {
            var y = Top + (r * CardFace.Height);
            g.DrawLine(Ink.Crop, Left - MarkGap - MarkLength, y, Left - MarkGap, y);
            g.DrawLine(Ink.Crop, right + MarkGap, y, right + MarkGap + MarkLength, y);
        }
    }
}
