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

    public static string Svg(string code, int scale = DefaultScale)
    {
        using var data = QRCodeGenerator.GenerateQrCode(code, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(scale);
    }
}
