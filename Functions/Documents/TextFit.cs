using PdfSharp.Drawing;

namespace AccessPmc.Functions.Documents;

/// <summary>Lines of text laid out at one size, ready to draw from a top-left corner.</summary>
public sealed record TextBlock(IReadOnlyList<string> Lines, XFont Font, double LineHeight, double Width)
{
    public double Height => Lines.Count * LineHeight;

    /// <summary>Draws the lines from (<paramref name="x"/>, <paramref name="top"/>), left-aligned or centred in <see cref="Width"/>.</summary>
    public double Draw(XGraphics g, double x, double top, XBrush brush, bool centred = false)
    {
        for (var i = 0; i < Lines.Count; i++)
        {
            var y = top + (i * LineHeight);
            if (centred)
            {
                g.DrawString(Lines[i], Font, brush, new XPoint(x + (Width / 2), y), XStringFormats.TopCenter);
            }
            else
            {
                g.DrawString(Lines[i], Font, brush, new XPoint(x, y), XStringFormats.TopLeft);
            }
        }

        return top + Height;
    }
}

/// <summary>
/// Fits text into a box without ever overflowing it or cutting it: names shrink, then wrap; paragraphs wrap, then
/// shrink. Text that cannot fit even at <see cref="Floor"/> points is a layout bug and throws, rather than
/// printing a silently truncated document.
/// </summary>
public static class TextFit
{
    /// <summary>The smallest size ever used, in points (about 1.4 mm capitals: still legible on paper).</summary>
    public const double Floor = 4;

    private const double Leading = 1.2;
    private const double Step = 0.5;

    /// <summary>
    /// The largest size from <paramref name="max"/> down to <paramref name="min"/> at which the text holds on one
    /// line; otherwise wrapped at <paramref name="min"/>; otherwise smaller, still wrapped, down to <see cref="Floor"/>.
    /// </summary>
    public static TextBlock Shrink(XGraphics g, string text, bool bold, double max, double min, double width, double maxHeight)
    {
        for (var size = max; size >= min; size -= Step)
        {
            var font = DocumentFonts.Font(size, bold);
            if (Measure(g, text, font) <= width && size * Leading <= maxHeight)
            {
                return new TextBlock([text], font, size * Leading, width);
            }
        }

        return Wrap(g, text, bold, min, width, maxHeight);
    }

    /// <summary>Wrapped at <paramref name="size"/>; smaller, down to <see cref="Floor"/>, while taller than <paramref name="maxHeight"/>.</summary>
    public static TextBlock Wrap(XGraphics g, string text, bool bold, double size, double width, double maxHeight)
    {
        for (var s = size; s >= Floor; s -= Step)
        {
            var font = DocumentFonts.Font(s, bold);
            var lines = Lines(g, text, font, width);
            if (lines.Count * s * Leading <= maxHeight)
            {
                return new TextBlock(lines, font, s * Leading, width);
            }
        }

        throw new InvalidOperationException($"A text of {text.Length} characters does not fit {width:0.#} × {maxHeight:0.#} pt even at {Floor} pt.");
    }

    /// <summary>
    /// Greedy line breaking after spaces and hyphens; a word wider than the line is split between characters.
    /// PDFsharp measures without kerning, so widths add up and each piece is measured once.
    /// </summary>
    public static IReadOnlyList<string> Lines(XGraphics g, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = "";
        var lineWidth = 0.0;
        foreach (var piece in Pieces(text))
        {
            var inked = Measure(g, piece.TrimEnd(), font);
            if (lineWidth + inked <= width)
            {
                line += piece;
                lineWidth += Measure(g, piece, font);
                continue;
            }

            if (line.TrimEnd().Length > 0)
            {
                lines.Add(line.TrimEnd());
            }

            line = piece;
            while (Measure(g, line.TrimEnd(), font) > width)
            {
                var fits = FittingChars(g, line, font, width);
                lines.Add(line[..fits]);
                line = line[fits..];
            }

            lineWidth = Measure(g, line, font);
        }

        if (line.TrimEnd().Length > 0)
        {
            lines.Add(line.TrimEnd());
        }

        return lines;
    }

    public static double Measure(XGraphics g, string text, XFont font) => text.Length == 0 ? 0 : g.MeasureString(text, font).Width;

    // Break opportunities: after a space, after a hyphen. No-break spaces and apostrophes hold words together.
    private static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is ' ' or '-' or '\u2010')
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static int FittingChars(XGraphics g, string text, XFont font, double width)
    {
        var n = 1;
        while (n < text.Length && Measure(g, text[..(n + 1)], font) <= width)
        {
            n++;
        }

        return n;
    }
}
