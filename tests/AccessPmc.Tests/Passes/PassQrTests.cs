using AccessPmc.Contracts;

namespace AccessPmc.Tests.Passes;

public sealed class PassQrTests(AzuriteFixture azurite) : AppTests(azurite, "qr")
{
    [Fact]
    public async Task QrPngDecodesBackToThePassCode()
    {
        var pass = await App.IssuedAsync();

        var req = App.Request("GET", $"/api/passes/{pass.Id}/qr?format=png");
        var result = await App.Function<AccessPmc.Functions.Passes.PassQrFunction>().Run(req, pass.Id, default);
        await result.Result.ExecuteAsync(req.HttpContext);
        var png = ((MemoryStream)req.HttpContext.Response.Body).ToArray();

        Assert.Equal("image/png", req.HttpContext.Response.ContentType);
        Assert.Equal(pass.Code, QrDecoder.Decode(png));
    }

    [Fact]
    public async Task QrSvgIsServedAsSvg()
    {
        var pass = await App.IssuedAsync();

        var reply = await App.QrAsync(pass.Id, "svg");

        Assert.Equal(200, reply.Status);
        Assert.Equal("image/svg+xml", reply.ContentType);
        Assert.Contains("<svg", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownQrFormatIs400()
    {
        var pass = await App.IssuedAsync();

        Assert.Equal(ErrorCodes.BadFormat, (await App.QrAsync(pass.Id, "gif")).ProblemCode());
    }

    /// <summary>Two renderers that draw SVG differently (ImageMagick's own, and librsvg): the code decodes from both.</summary>
    [Theory]
    [InlineData("/usr/bin/rsvg-convert", "librsvg2-bin")]
    [InlineData("/usr/bin/convert", "imagemagick")]
    public async Task QrSvgDecodesWhateverTheRenderer(string renderer, string package)
    {
        var pass = await App.IssuedAsync();
        var folder = Directory.CreateTempSubdirectory("qr-svg").FullName;
        var svg = Path.Combine(folder, "pass.svg");
        var png = Path.Combine(folder, "pass.png");
        await File.WriteAllTextAsync(svg, (await App.QrAsync(pass.Id, "svg")).Body);

        await Tool.RunAsync(renderer, package, Path.GetFileName(renderer) == "convert" ? ["MSVG:" + svg, png] : ["-o", png, svg]);

        Assert.Equal(pass.Code, QrDecoder.Decode(await File.ReadAllBytesAsync(png)));
        Directory.Delete(folder, recursive: true);
    }
}
