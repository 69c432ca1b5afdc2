using StbImageSharp;
using ZXing;
using ZXing.Common;

namespace AccessPmc.Tests.Infrastructure;

/// <summary>Reads a QR code back from real image bytes, as a scanner's camera would.</summary>
public static class QrDecoder
{
    public static string Decode(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlue);
        var source = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGB24);
        var reader = new BarcodeReaderGeneric
        {
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true },
        };
        var result = reader.Decode(source) ?? throw new InvalidOperationException("No QR code found in the image.");
        return result.Text;
    }
}
