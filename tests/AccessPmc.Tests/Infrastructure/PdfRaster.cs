using System.Diagnostics;
using System.Globalization;

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
    /// <param name="modules">The drawn module count, 4-module quiet zone on each side included (<c>QrDrawing.Modules</c>).</param>
    public static (string Text, double SymbolMillimetres) ReadQr(byte[] png, int dpi, int modules)
    {
        var reading = QrDecoder.Read(png, modules - 8);
        return (reading.Text, reading.SidePixels!.Value / dpi * 25.4);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
