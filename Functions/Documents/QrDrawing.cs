using PdfSharp.Drawing;
using AccessPmc.Functions.Passes;

namespace AccessPmc.Functions.Documents;

/// <summary>
/// Draws a pass code as a vector QR symbol: exactly the stored code, error correction M (as the PNG/SVG
/// endpoint), dark modules as one filled path of row runs in module units, so it stays sharp at any zoom and
/// printer resolution, and the 4-module quiet zone painted white.
/// </summary>
public static class QrDrawing
{
    public const int QuietZone = 4;

    /// <summary>Modules per side, quiet zone included (57 for the usual version 8).</summary>
    public static int Modules(string code) => QrRenderer.DarkRuns(code).Size;

    /// <summary>
    /// Draws the symbol and its quiet zone in the square (<paramref name="x"/>, <paramref name="y"/>,
    /// <paramref name="side"/> points); returns the side of the symbol itself (without quiet zone), in points.
    /// </summary>
    public static double Draw(XGraphics g, string code, double x, double y, double side)
    {
        var (n, dark) = QrRenderer.DarkRuns(code);
        var runs = dark.Select(r => new XRect(r.X, r.Y, r.Length, 1)).ToArray();

        g.DrawRectangle(XBrushes.White, x, y, side, side);
        var state = g.Save();
        g.TranslateTransform(x, y);
        g.ScaleTransform(side / n);
        g.DrawRectangles(XBrushes.Black, runs);
        g.Restore(state);
        return side * (n - (2 * QuietZone)) / n;
    }
}
