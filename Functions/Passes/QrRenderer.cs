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
    /// SVG that every renderer draws the same: integer module coordinates (quiet zone of 4 included), an
    /// explicit pixel size, <c>stroke="none"</c> (ImageMagick's own renderer otherwise strokes each module,
    /// which merges them and the code no longer decodes) and crisp edges; one path of horizontal runs.
    /// </summary>
    public static string Svg(string code, int scale = DefaultScale)
    {
        using var data = QRCodeGenerator.GenerateQrCode(code, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var size = modules.Count;
        var c = CultureInfo.InvariantCulture;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (!modules[y][x])
                {
                    continue;
                }

                var run = 1;
                while (x + run < size && modules[y][x + run])
                {
                    run++;
                }

                path.Append(c, $"M{x} {y}h{run}v1h-{run}z");
                x += run;
            }
        }

        var pixels = (size * scale).ToString(c);
        return $"""<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{pixels}" height="{pixels}" viewBox="0 0 {size} {size}" shape-rendering="crispEdges"><rect x="0" y="0" width="{size}" height="{size}" fill="#ffffff" stroke="none"/><path d="{path}" fill="#000000" stroke="none"/></svg>""";
    }
}
