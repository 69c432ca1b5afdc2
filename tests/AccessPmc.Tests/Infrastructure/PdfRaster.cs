using System.Diagnostics;
using System.Globalization;
using StbImageSharp;
using ZXing;
using ZXing.Common;

namespace AccessPmc.Tests.Infrastructure;

/// <summary>
/// Prints a PDF page to pixels with poppler's <c>pdftoppm</c> (Debian's poppler-utils, installed by .ci/run) and
/// reads the QR code back with ZXing.Net, as a phone camera would read the paper or the screen.
/// </summary>
public static class PdfRaster
{
    /// <summary>A page (1-based) as PNG at <paramref name="dpi"/>, or only the area <paramref name="crop"/> given in points.</summary>
    public static byte[] Png(byte[] pdf, int page, int dpi, (double X, double Y, double Width, double Height)? crop = null)
    {
        var folder = Directory.CreateTempSubdirectory("pdfraster");
        try
        {
            var input = Path.Combine(folder.FullName, "in.pdf");
            File.WriteAllBytes(input, pdf);
            var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "-png", "-r", Text(dpi), "-f", Text(page), "-l", Text(page), "-singlefile" })
            {
                start.ArgumentList.Add(arg);
            }

            if (crop is var (x, y, w, h))
            {
                foreach (var (flag, points) in new[] { ("-x", x), ("-y", y), ("-W", w), ("-H", h) })
                {
                    start.ArgumentList.Add(flag);
                    start.ArgumentList.Add(Text((int)Math.Round(points * dpi / 72)));
                }
            }

            start.ArgumentList.Add(input);
            start.ArgumentList.Add(Path.Combine(folder.FullName, "out"));
            using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm did not start: install poppler-utils.");
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill();
                throw new TimeoutException("pdftoppm took over 60 s.");
            }

            return process.ExitCode == 0
                ? File.ReadAllBytes(Path.Combine(folder.FullName, "out.png"))
                : throw new InvalidOperationException($"pdftoppm failed ({process.ExitCode}): {errors.Result}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The QR code's text and the side of its symbol in millimetres at <paramref name="dpi"/>.</summary>
    public static (string Text, double SymbolMillimetres) ReadQr(byte[] png, int dpi, int modules)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlue);
        var source = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGB24);
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };
        var result = reader.Decode(source) ?? throw new InvalidOperationException("No QR code found on the page.");

        // ZXing gives the centres of the finder patterns (bottom-left, top-left, top-right): 7 modules short of a side.
        var (topLeft, topRight) = (result.ResultPoints[1], result.ResultPoints[2]);
        var centres = Math.Sqrt(Math.Pow(topRight.X - topLeft.X, 2) + Math.Pow(topRight.Y - topLeft.Y, 2));
        var symbol = modules - 8; // QrDrawing's module count includes the 4-module quiet zone on each side
        return (result.Text, centres * symbol / (symbol - 7) / dpi * 25.4);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
