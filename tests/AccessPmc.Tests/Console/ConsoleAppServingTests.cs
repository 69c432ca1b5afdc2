using System.Text.RegularExpressions;
using AccessPmc.Functions.Console;
using AccessPmc.Functions.Web;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Console;

/// <summary>The embedded console as a browser receives it: its page under the strict policy, its own assets only, the bare path redirected.</summary>
public sealed partial class ConsoleAppServingTests(AzuriteFixture azurite) : AppTests(azurite, "console")
{
    private async Task<Reply> GetAsync(string? path, string request = "/console/")
    {
        var req = App.Request("GET", request + path, key: null);
        return await TestApp.ExecuteAsync(req, App.Function<ConsoleAppFunction>().Run(req, path).Result);
    }

    [Fact]
    public async Task TheConsoleRootIsItsPageUnderTheStrictPolicyWithNoKeyNeeded()
    {
        var page = await GetAsync("");

        Assert.Equal((200, "text/html; charset=utf-8", "no-cache"), (page.Status, page.ContentType, page.Headers.CacheControl.ToString()));
        Assert.Equal(WebResponses.ContentSecurityPolicy, page.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal(("nosniff", "DENY"), (page.Headers.XContentTypeOptions.ToString(), page.Headers.XFrameOptions.ToString()));
        Assert.False(page.Headers.ContainsKey("Access-Control-Allow-Origin"));
        Assert.Contains("<title>ACCESSPMC — Console</title>", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageLinksOnlyItsOwnHashedAssetsAndCarriesNoInlineScriptOrStyle()
    {
        var paths = App.Services.GetRequiredService<WebAssets>().PathsOf(ConsoleAppFunction.App).ToHashSet();
        var html = (await GetAsync("index.html")).Body;
        var links = Links().Matches(html).Select(m => m.Groups[1].Value).ToList();

        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("//", string.Concat(links), StringComparison.Ordinal);
        Assert.All(links, link => Assert.Contains(link, paths));
        Assert.Contains(links, link => HashedScript().IsMatch(link));
        foreach (var asset in links.Where(l => l.StartsWith("assets/", StringComparison.Ordinal)))
        {
            Assert.Equal("public, max-age=31536000, immutable", (await GetAsync(asset)).Headers.CacheControl.ToString());
        }
    }

    [Fact]
    public async Task WithoutItsTrailingSlashTheConsoleRedirectsAndAnUnknownFileIsAProblem404()
    {
        var bare = await GetAsync(null, "/console");
        var missing = await GetAsync("../scanner/index.html");

        Assert.Equal((301, "console/"), (bare.Status, bare.Headers.Location.ToString()));
        Assert.Equal((404, "application/problem+json"), (missing.Status, missing.ContentType));
    }

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"(?:src|href)=""([^""#]+)""")]
    private static partial Regex Links();

    [GeneratedRegex(@"^assets/app-[A-Z0-9]{8}\.js\z")]
    private static partial Regex HashedScript();
}
