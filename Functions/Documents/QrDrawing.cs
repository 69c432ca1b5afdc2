using PdfSharp.Drawing;
using QRCoder;

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
    public static int Modules(string code)
    {
        using var data = QRCodeGenerator.GenerateQrCode(code, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix.Count;
    }

    /// <summary>
    /// Draws the symbol and its quiet zone in the square (<paramref name="x"/>, <paramref name="y"/>,
    /// <paramref name="side"/> points); returns the side of the symbol itself (without quiet zone), in points.
    /// </summary>
    public static double Draw(XGraphics g, string code, double x, double y, double side)
    {
        using var data = QRCodeGenerator.GenerateQrCode(code, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix; // QRCoder includes the 4-module quiet zone on every side.
        var n = matrix.Count;
        var runs = new List<XRect>(n * 8);
        for (var row = 0; row < n; row++)
        {
            var start = -1;
            for (var col = 0; col <= n; col++)
            {
                var dark = col < n && matrix[row][col];
                if (dark && start < 0)
                {
                    start = col;
                }
                else if (!dark && start >= 0)
                {
                    runs.Add(new XRect(start, row, col - start, 1));
                    start = -1;
                }
            }
        }

        g.DrawRectangle(XBrushes.White, x, y, side, side);
        var state = g.Save();
        g.TranslateTransform(x, y);
        g.ScaleTransform(side / n);
        g.DrawRectangles(XBrushes.Black, runs.ToArray());
        g.Restore(state);
        return side * (n - (2 * QuietZone)) / n;
    }
}
