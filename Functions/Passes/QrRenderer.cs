using System.Globalization;
using System.Text;
using QRCoder;

namespace AccessPmc.Functions.Passes;

/// <summary>Draws pass codes at error correction M; codes are Base45, so QRCoder picks alphanumeric mode.</summary>
public static class QrRenderer
{
    public const int DefaultScale = 8;

    public static int Version(string code)
    {
        using var data = QRCodeGenerator.GenerateQrCode(code, QRCodeGenerator.ECCLevel.M);
        return data.Version;
    }

    public static byte[] Png(string code, int scale = DefaultScale)
    {
        using var data = QRCodeGenerator.GenerateQrCode(code, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(scale);
    }

    /// <summary>
    /// The symbol at error correction M as horizontal runs of dark modules (column, row, length), in module
    /// units of a square of <c>Size</c> modules that includes the 4-module quiet zone on every side.
    /// </summary>
    public static (int Size, IReadOnlyList<(int X, int Y, int Length)> Runs) DarkRuns(string code)
    {
        using var data = QRCodeGenerator.GenerateQrCode(code, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var runs = new List<(int, int, int)>(modules.Count * 8);
        for (var y = 0; y < modules.Count; y++)
        {
            for (var x = 0; x < modules.Count; x++)
            {
                var length = 0;
                while (x + length < modules.Count && modules[y][x + length])
                {
                    length++;
                }

                if (length > 0)
                {
                    runs.Add((x, y, length));
                    x += length;
                }
            }
        }

        return (modules.Count, runs);
    }

    /// <summary>
    /// SVG that every renderer draws the same: integer module coordinates (quiet zone of 4 included), an
    /// explicit pixel size, <c>stroke="none"</c> (ImageMagick's own renderer otherwise strokes each module,
    /// which merges them and the code no longer decodes) and crisp edges; one path of horizontal runs.
    /// </summary>
    public static string Svg(string code, int scale = DefaultScale)
    {
        var (size, runs) = DarkRuns(code);
        var c = CultureInfo.InvariantCulture;
        var path = new StringBuilder();
        foreach (var (x, y, length) in runs)
        {
            path.Append(c, $"M{x} {y}h{length}v1h-{length}z");
        }

        var pixels = (size * scale).ToString(c);
        return $"""<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{pixels}" height="{pixels}" viewBox="0 0 {size} {size}" shape-rendering="crispEdges"><rect x="0" y="0" width="{size}" height="{size}" fill="#ffffff" stroke="none"/><path d="{path}" fill="#000000" stroke="none"/></svg>""";
    }
}
