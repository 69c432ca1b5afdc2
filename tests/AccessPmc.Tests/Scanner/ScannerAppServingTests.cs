using System.Text.RegularExpressions;
using AccessPmc.Functions.Scanner;
using AccessPmc.Functions.Web;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Scanner;

/// <summary>The embedded scanner app as a browser receives it: types, caching, ETags and the security headers.</summary>
public sealed partial class ScannerAppServingTests(AzuriteFixture azurite) : AppTests(azurite, "webapp")
{
    private async Task<Reply> GetAsync(string path, string method = "GET", string? ifNoneMatch = null)
    {
        var req = App.Request(method, "/scanner/" + path, key: null);
        if (ifNoneMatch is not null)
        {
            req.Headers.IfNoneMatch = ifNoneMatch;
        }

        return await TestApp.ExecuteAsync(req, App.Function<ScannerAppFunction>().Run(req, path).Result);
    }

    private WebAssets Assets => App.Services.GetRequiredService<WebAssets>();

    [Fact]
    public async Task TheAppRootIsItsPageWithAStrictPolicyAndNoKeyNeeded()
    {
        var page = await GetAsync("");

        Assert.Equal((200, "text/html; charset=utf-8"), (page.Status, page.ContentType));
        Assert.Equal(WebResponses.ContentSecurityPolicy, page.Headers.ContentSecurityPolicy.ToString());
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval'", page.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", page.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.XContentTypeOptions.ToString());
        Assert.Equal("no-referrer", page.Headers["Referrer-Policy"].ToString());
        Assert.StartsWith("camera=(self)", page.Headers["Permissions-Policy"].ToString(), StringComparison.Ordinal);
        Assert.Equal("no-cache", page.Headers.CacheControl.ToString());
        Assert.Matches("^\"[A-Za-z0-9_-]{24}\"$", page.Headers.ETag.ToString());
        Assert.False(page.Headers.ContainsKey("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task WithoutItsTrailingSlashTheAppRedirectsSoRelativeLinksResolve()
    {
        var req = App.Request("GET", "/scanner", key: null);
        var reply = await TestApp.ExecuteAsync(req, App.Function<ScannerAppFunction>().Run(req, null).Result);

        Assert.Equal((301, "scanner/"), (reply.Status, reply.Headers.Location.ToString()));
    }

    [Fact]
    public async Task EveryFileHasItsMediaTypeAndHashedAssetsAreImmutable()
    {
        var paths = Assets.PathsOf("scanner").ToList();
        Assert.Contains("sw.js", paths);
        Assert.Contains(paths, p => WasmName().IsMatch(p));

        foreach (var path in paths)
        {
            var reply = await GetAsync(path);
            var expected = Path.GetExtension(path) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".wasm" => "application/wasm",
                ".webmanifest" => "application/manifest+json",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            Assert.Equal((200, expected), (reply.Status, reply.ContentType));
            Assert.Equal(path.StartsWith("assets/", StringComparison.Ordinal) ? "public, max-age=31536000, immutable" : "no-cache", reply.Headers.CacheControl.ToString());
        }
    }

    [Fact]
    public async Task AMatchingETagIsNotModifiedAndHeadHasNoBody()
    {
        var first = await GetAsync("sw.js");

        var again = await GetAsync("sw.js", ifNoneMatch: first.Headers.ETag.ToString());
        var head = await GetAsync("index.html", "HEAD");

        Assert.Equal((304, ""), (again.Status, again.Body));
        Assert.Equal((200, ""), (head.Status, head.Body));
        Assert.True(head.Headers.ContentLength > 1000);
    }

    [Fact]
    public async Task AnUnknownFileIsAProblem404AndPathsAreCaseSensitive()
    {
        var missing = await GetAsync("../api/keys");
        var upper = await GetAsync("INDEX.HTML");

        Assert.Equal((404, "application/problem+json"), (missing.Status, missing.ContentType));
        Assert.Equal(404, upper.Status);
    }

    [Fact]
    public async Task PagesCarryNoInlineScriptOrStyleAndLinkOnlyFilesThatExist()
    {
        var paths = Assets.PathsOf("scanner").ToHashSet();
        foreach (var page in new[] { "index.html", "enrol.html" })
        {
            var html = (await GetAsync(page)).Body;

            Assert.DoesNotMatch(InlineScript(), html);
            Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
            foreach (Match link in Links().Matches(html))
            {
                Assert.Contains(link.Groups[1].Value, paths);
            }
        }
    }

    [GeneratedRegex(@"^assets/zxing_reader-[0-9a-f]{12}\.wasm\z")]
    private static partial Regex WasmName();

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"(?:src|href)=""([^""#:]+)""")]
    private static partial Regex Links();
}
