using System.Net;
using AccessPmc.Contracts;
using AccessPmc.EndToEnd.Tests.Infrastructure;

namespace AccessPmc.EndToEnd.Tests;

/// <summary>The scanner web app over real HTTP: its catch-all route, redirect, caching and headers, and the enrolment link.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScannerAppOverHttpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private RunningHost host = null!;

    public async Task InitializeAsync() => host = await RunningHost.StartAsync(azurite);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task TheAppIsServedAtScannerWithoutAKeyAndItsAssetsFromTheSameOrigin()
    {
        using var page = await host.SendAsync(HttpMethod.Get, "scanner/");
        var html = await page.Content.ReadAsStringAsync();
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(assets/app-[^\"]+)\"").Groups[1].Value;
        using var app = await host.SendAsync(HttpMethod.Get, "scanner/" + script);

        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "text/javascript"), (app.StatusCode, app.Content.Headers.ContentType?.MediaType));
        Assert.True(app.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365));
    }

    [Fact]
    public async Task TheBareAppPathRedirectsAndDeepPathsReachTheCatchAll()
    {
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        using var bare = await noRedirect.GetAsync(new Uri("scanner", UriKind.Relative));
        using var manifest = await host.SendAsync(HttpMethod.Get, "scanner/manifest.webmanifest");
        using var missing = await host.SendAsync(HttpMethod.Get, "scanner/assets/nothing.js");

        Assert.Equal(HttpStatusCode.MovedPermanently, bare.StatusCode);
        Assert.Equal(new Uri(host.BaseAddress, "scanner/"), new Uri(new Uri(host.BaseAddress, "scanner"), bare.Headers.Location!));
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task HeadAndConditionalRequestsAreAnsweredLikeTheHostWould()
    {
        using var first = await host.SendAsync(HttpMethod.Get, "scanner/sw.js");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseAddress, "scanner/sw.js"));
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var again = await host.Http.SendAsync(conditional);
        using var head = await host.SendAsync(HttpMethod.Head, "scanner/");

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.False(first.Headers.ETag!.IsWeak);
    }

    [Fact]
    public async Task AScannerClientComesWithAnEnrolmentUrlOfThisServerAndMeAnswersIt()
    {
        var created = await host.Admin.CreateClientAsync(new CreateClientRequest("Gate 7", Roles.Scanner, null, ["PMC"]));

        var me = await host.Client(created.ApiKey).GetMeAsync();

        Assert.Equal(new Uri(host.BaseAddress, "scanner/#enrol=" + created.ApiKey).AbsoluteUri, created.EnrolmentUrl);
        Assert.Equal("Gate 7", me.Name);
        Assert.Equal(["PMC"], me.Sites.Select(s => s.Code));
    }
}
