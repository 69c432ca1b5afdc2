using System.Text;
using StbImageSharp;

namespace AccessPmc.Browser.Tests.Infrastructure;

/// <summary>
/// Chromium's fake camera plays a Y4M file (<c>--use-file-for-fake-video-capture</c>): a text header and
/// raw YUV 4:2:0 frames. One frame is enough, Chromium repeats it. The QR is the pass's own PNG, centred
/// on a white 640×480 frame, as a phone would see a printed pass.
/// </summary>
public static class FakeCamera
{
    private const int Width = 640;
    private const int Height = 480;

    /// <summary>Writes a single-frame Y4M of <paramref name="png"/> and returns its path.</summary>
    public static string WriteY4m(byte[] png, string folder)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlue);
        var scale = Math.Max(1, Math.Min((Height - 40) / image.Height, (Width - 40) / image.Width));
        var (left, top) = ((Width - image.Width * scale) / 2, (Height - image.Height * scale) / 2);

        var y = new byte[Width * Height];
        var u = new byte[Width * Height / 4];
        var v = new byte[Width * Height / 4];
        Array.Fill(y, (byte)235); // white, in the limited range video uses
        Array.Fill(u, (byte)128);
        Array.Fill(v, (byte)128);
        for (var row = 0; row < image.Height * scale; row++)
        {
            for (var col = 0; col < image.Width * scale; col++)
            {
                var at = ((row / scale * image.Width) + (col / scale)) * 3;
                var (r, g, b) = (image.Data[at], image.Data[at + 1], image.Data[at + 2]);
                y[((top + row) * Width) + left + col] = (byte)Math.Clamp(16 + ((66 * r + 129 * g + 25 * b + 128) >> 8), 16, 235);
            }
        }

        var path = Path.Combine(folder, $"camera-{Guid.NewGuid():N}.y4m");
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Width} H{Height} F15:1 Ip A1:1 C420jpeg\nFRAME\n"));
        file.Write(y);
        file.Write(u);
        file.Write(v);
        return path;
    }
}
