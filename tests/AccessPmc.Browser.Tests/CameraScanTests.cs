using AccessPmc.Browser.Tests.Infrastructure;

namespace AccessPmc.Browser.Tests;

/// <summary>The camera path: Chromium's fake camera shows the pass's own QR image, as a phone held over a printed pass.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CameraScanTests(ScannerFixture server) : IClassFixture<ScannerFixture>
{
    [Fact]
    public async Task AValidPassShownToTheCameraIsGreenWithItsLabelAndNothingLeavesTheOrigin()
    {
        var pass = await server.IssueAsync("PMC");
        var y4m = FakeCamera.WriteY4m(await server.Host.Issuer.GetQrPngAsync(pass.Id), Directory.CreateTempSubdirectory().FullName);
        await using var browser = await server.LaunchAsync(y4m);
        var context = await server.NewContextAsync(browser);
        var requests = new List<string>();
        context.Request += (_, r) => requests.Add(r.Url);

        var page = await ScannerPage.EnrolAsync(context, (await server.NewScannerAsync()).EnrolmentUrl!, hold: false);
        var verdict = await page.VerdictAsync();

        Assert.Equal(("valid", "Valide", "J. DUPONT", ""), (verdict.Result, verdict.Title, verdict.Label, verdict.Offline));
        await page.ScreenshotAsync("4-green");
        Assert.Contains(requests, url => url.EndsWith(".wasm", StringComparison.Ordinal));
        Assert.All(requests, url => Assert.StartsWith(server.BaseAddress.AbsoluteUri, url, StringComparison.Ordinal));
        Assert.Equal(2, await page.Page.EvaluateAsync<int>("() => ['scanner:first-frame', 'scanner:verdict-shown'].filter(n => performance.getEntriesByName(n).length > 0).length"));
    }
}
