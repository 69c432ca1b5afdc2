using System.Diagnostics;
using System.Text.Json;
using StbImageSharp;
using ZXing;
using ZXing.Common;

namespace AccessPmc.Tests.Infrastructure;

/// <summary>A QR code read back: its text and, when asked, the side of the symbol in pixels.</summary>
public sealed record QrReading(string Text, double? SidePixels);

/// <summary>
/// Reads a QR code back from real image bytes, as a scanner's camera would: ZXing.Net first, then zxing-cpp
/// (zxing-wasm, the decoder the scanner app runs, through <c>tests/tools/read-qr.mjs</c>), because ZXing.Net
/// misses a few clean symbols that zxing-cpp and zbar read. A code neither reads is not there.
/// </summary>
public static class QrDecoder
{
    public static string Decode(byte[] png) => Read(png).Text;

    /// <param name="symbolModules">The symbol's side in modules (without quiet zone), to measure its side in pixels.</param>
    public static QrReading Read(byte[] png, int? symbolModules = null)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlue);
        var source = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGB24);
        // First as a camera would (locate the finder patterns), then as a flat printed code.
        if ((Reader(pure: false).Decode(source) ?? Reader(pure: true).Decode(source)) is { } result)
        {
            return new QrReading(result.Text, symbolModules is { } modules ? Side(result.ResultPoints, modules) : null);
        }

        return ReadWithZxingCpp(png) ?? throw new InvalidOperationException("No QR code found in the image.");
    }

    private static BarcodeReaderGeneric Reader(bool pure) => new()
    {
        Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true, PureBarcode = pure },
    };

    // ZXing gives the centres of the finder patterns (bottom-left, top-left, top-right): 7 modules short of a side.
    private static double? Side(ResultPoint[] points, int modules) =>
        points.Length >= 3 ? Distance(points[1].X, points[1].Y, points[2].X, points[2].Y) * modules / (modules - 7) : null;

    private static QrReading? ReadWithZxingCpp(byte[] png)
    {
        var file = Path.Combine(Path.GetTempPath(), $"qr-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(file, png);
        try
        {
            var start = new ProcessStartInfo("node", [Path.Combine(RepoPaths.Root, "tests", "tools", "read-qr.mjs"), file]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill();
                throw new TimeoutException("tests/tools/read-qr.mjs took over 60 s.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"tests/tools/read-qr.mjs failed: {errors.Result}");
            }

            var found = JsonDocument.Parse(output.Result).RootElement;
            if (found.GetProperty("text").GetString() is not { } text)
            {
                return null;
            }

            var (left, right) = (found.GetProperty("topLeft"), found.GetProperty("topRight"));
            return new QrReading(text, Distance(left.GetProperty("x").GetDouble(), left.GetProperty("y").GetDouble(), right.GetProperty("x").GetDouble(), right.GetProperty("y").GetDouble()));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static double Distance(double x1, double y1, double x2, double y2) => Math.Sqrt(Math.Pow(x2 - x1, 2) + Math.Pow(y2 - y1, 2));
}
