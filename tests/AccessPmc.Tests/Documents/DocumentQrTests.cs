using AccessPmc.Contracts;
using AccessPmc.Functions.Documents;

namespace AccessPmc.Tests.Documents;

/// <summary>
/// The QR printed on each layout, rasterised by poppler at office-printer and phone-screen resolutions and read
/// back by ZXing: it must be exactly the pass's code, and large enough to scan from paper.
/// </summary>
public sealed class DocumentQrTests(AzuriteFixture azurite) : AppTests(azurite, "docqr")
{
    [Theory]
    [InlineData(150)]
    [InlineData(300)]
    public async Task A4QrIsThePassCodeAndAtLeast50Millimetres(int dpi)
    {
        var pass = await App.IssuedAsync();
        var reply = await App.DocumentAsync(pass.Id);

        var (text, millimetres) = PdfRaster.ReadQr(PdfRaster.Png(reply.Body, 1, dpi), dpi, QrDrawing.Modules(pass.Code));

        Assert.Equal(pass.Code, text);
        Assert.InRange(millimetres, 50, 70);
    }

    [Theory]
    [InlineData(150)]
    [InlineData(300)]
    public async Task CardQrIsThePassCodeAndAtLeast25Millimetres(int dpi)
    {
        var pass = await App.IssuedAsync();
        var reply = await App.DocumentAsync(pass.Id, "?layout=card");

        using (var pdf = reply.Open())
        {
            Assert.Equal((242.65, 153.01), (Math.Round(pdf.GetPage(1).Width, 2), Math.Round(pdf.GetPage(1).Height, 2)));
        }

        var (text, millimetres) = PdfRaster.ReadQr(PdfRaster.Png(reply.Body, 1, dpi), dpi, QrDrawing.Modules(pass.Code));

        Assert.Equal(pass.Code, text);
        Assert.InRange(millimetres, 25, 44);
    }

    [Fact]
    public async Task EveryCardOnASheetCarriesItsOwnPassCodeInTheRequestedOrder()
    {
        var passes = new List<PassResponse>();
        for (var i = 0; i < 11; i++)
        {
            passes.Add(await App.IssuedAsync(Calls.Typical() with { FamilyName = $"Durand-{i}" }));
        }

        var reply = await App.DocumentsAsync(new DocumentBatchRequest(passes.Select(p => p.Id).ToList(), DocumentLayouts.Sheet));

        using (var pdf = reply.Open())
        {
            Assert.Equal(2, pdf.NumberOfPages);
            Assert.All(pdf.GetPages(), p => Assert.Equal((595.28, 841.89), (Math.Round(p.Width, 2), Math.Round(p.Height, 2))));
        }

        for (var i = 0; i < passes.Count; i++)
        {
            var corner = CardSheet.Slot(i % CardSheet.PerSheet);
            var dpi = i is 0 or 10 ? 300 : 150;
            var png = PdfRaster.Png(reply.Body, (i / CardSheet.PerSheet) + 1, dpi, (corner.X, corner.Y, CardFace.Width, CardFace.Height));
            Assert.Equal(passes[i].Code, PdfRaster.ReadQr(png, dpi, QrDrawing.Modules(passes[i].Code)).Text);
        }
    }
}
