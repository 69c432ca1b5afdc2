using AccessPmc.Functions.Scanner;
using AccessPmc.Functions.Web;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Scanner;

/// <summary>
/// The build's brotli and gzip copies, chosen by Accept-Encoding (RFC 9110 §12.5.3): what a phone on a slow
/// network downloads at its first visit. The bytes themselves are checked over real HTTP (ScannerAppOverHttpTests).
/// </summary>
public sealed class ScannerAppCompressionTests(AzuriteFixture azurite) : AppTests(azurite, "webappgz")
{
    private WebAssets Assets => App.Services.GetRequiredService<WebAssets>();

    private string Decoder => Assets.PathsOf("scanner").Single(p => p.EndsWith(".wasm", StringComparison.Ordinal));

    private async Task<Reply> GetAsync(string path, string? acceptEncoding, string? ifNoneMatch = null)
    {
        var req = App.Request("GET", "/scanner/" + path, key: null);
        if (acceptEncoding is not null)
        {
            req.Headers.AcceptEncoding = acceptEncoding;
        }

        if (ifNoneMatch is not null)
        {
            req.Headers.IfNoneMatch = ifNoneMatch;
        }

        return await TestApp.ExecuteAsync(req, App.Function<ScannerAppFunction>().Run(req, path).Result);
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("br;q=0, *", "gzip")]
    [InlineData("*", "br")]
    [InlineData("BR", "br")]
    public async Task TheDecoderComesInTheBestCodingTheBrowserAccepts(string acceptEncoding, string coding)
    {
        var asset = Assets.Find("scanner", Decoder)!;

        var reply = await GetAsync(Decoder, acceptEncoding);

        var encoded = asset.Encodings.Single(e => e.Coding == coding);
        Assert.Equal((200, "application/wasm"), (reply.Status, reply.ContentType));
        Assert.Equal((coding, "Accept-Encoding"), (reply.Headers.ContentEncoding.ToString(), reply.Headers.Vary.ToString()));
        Assert.Equal(encoded.Content.Length, reply.Headers.ContentLength);
        Assert.Equal(encoded.ETag.ToString(), reply.Headers.ETag.ToString());
        Assert.True(encoded.Content.Length < asset.Content.Length / 2, $"{coding}: {encoded.Content.Length} of {asset.Content.Length} bytes");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("identity")]
    [InlineData("br;q=0, gzip;q=0")]
    [InlineData("*;q=0")]
    [InlineData("zstd")]
    public async Task WithoutAnAcceptedCodingTheBytesComeAsBuiltAndStillVaryByCoding(string? acceptEncoding)
    {
        var asset = Assets.Find("scanner", Decoder)!;

        var reply = await GetAsync(Decoder, acceptEncoding);

        Assert.Equal(200, reply.Status);
        Assert.False(reply.Headers.ContainsKey("Content-Encoding"));
        Assert.Equal("Accept-Encoding", reply.Headers.Vary.ToString());
        Assert.Equal(asset.Content.Length, reply.Headers.ContentLength);
        Assert.Equal(asset.ETag.ToString(), reply.Headers.ETag.ToString());
    }

    [Fact]
    public async Task EachRepresentationHasItsOwnETagAndRevalidatesAgainstIt()
    {
        var brotli = await GetAsync("index.html", "br");

        var same = await GetAsync("index.html", "br", ifNoneMatch: brotli.Headers.ETag.ToString());
        var otherCoding = await GetAsync("index.html", "gzip", ifNoneMatch: brotli.Headers.ETag.ToString());

        Assert.Equal(304, same.Status);
        Assert.Equal((200, "gzip"), (otherCoding.Status, otherCoding.Headers.ContentEncoding.ToString()));
        Assert.NotEqual(brotli.Headers.ETag.ToString(), otherCoding.Headers.ETag.ToString());
    }

    [Fact]
    public async Task CompressedCopiesAreNotFilesOfTheAppAndTinyFilesHaveNone()
    {
        var files = new[] { "scanner", "console" }.SelectMany(app => Assets.PathsOf(app).Select(p => (Path: p, Asset: Assets.Find(app, p)!))).ToList();
        var paths = files.Select(f => f.Path);

        Assert.DoesNotContain(paths, p => p.EndsWith(".br", StringComparison.Ordinal) || p.EndsWith(".gz", StringComparison.Ordinal));
        Assert.All(files.Where(f => f.Asset.Content.Length < 1024), f => Assert.Empty(f.Asset.Encodings));
        Assert.Contains(files, f => f.Path.EndsWith(".js", StringComparison.Ordinal) && f.Asset.Encodings.Count == 2);
        Assert.Equal(404, (await GetAsync(Decoder + ".br", "br")).Status);
    }
}
