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
        // First as a camera would (locate the finder patterns), then as a flat printed code.
        var result = Reader(pure: false).Decode(source) ?? Reader(pure: true).Decode(source)
            ?? throw new InvalidOperationException("No QR code found in the image.");
        return result.Text;
    }

    private static BarcodeReaderGeneric Reader(bool pure) => new()
    {
        Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true, PureBarcode = pure },
    };
}
