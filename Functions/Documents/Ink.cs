using PdfSharp.Drawing;

namespace AccessPmc.Functions.Documents;

/// <summary>The documents' colours: dark enough to stay legible on a black-and-white office printer.</summary>
public static class Ink
{
    public static readonly XBrush Text = XBrushes.Black;
    public static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(0x4D, 0x4D, 0x4D));
    public static readonly XBrush Accent = new XSolidBrush(XColor.FromArgb(0x1F, 0x3A, 0x5F));
    public static readonly XBrush Alert = new XSolidBrush(XColor.FromArgb(0xB0, 0x00, 0x00));

    /// <summary>The diagonal word of a revoked or expired pass: translucent, so what it crosses stays readable.</summary>
    public static readonly XBrush Mark = new XSolidBrush(XColor.FromArgb(96, 0xC0, 0x00, 0x00));

    public static readonly XPen Rule = new(XColor.FromArgb(0x1F, 0x3A, 0x5F), 0.75);

    /// <summary>Crop marks: thin and black, as printers expect.</summary>
    public static readonly XPen Crop = new(XColors.Black, 0.25);
}

/// <summary>The diagonal "RÉVOQUÉ" / "EXPIRED" word across a page or a card, corner to corner.</summary>
public static class StatusMark
{
    /// <summary>Spans three quarters of the box's diagonal, rising from bottom left to top right.</summary>
    public static void Draw(XGraphics g, string word, double x, double y, double width, double height)
    {
        var diagonal = Math.Sqrt((width * width) + (height * height));
        var size = 100 * 0.75 * diagonal / TextFit.Measure(g, word, DocumentFonts.Font(100, bold: true));
        var state = g.Save();
        g.TranslateTransform(x + (width / 2), y + (height / 2));
        g.RotateTransform(-Math.Atan2(height, width) * 180 / Math.PI);
        g.DrawString(word, DocumentFonts.Font(size, bold: true), Ink.Mark, new XPoint(0, 0), XStringFormats.Center);
        g.Restore(state);
    }
}
