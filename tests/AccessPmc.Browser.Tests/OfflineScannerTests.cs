using AccessPmc.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace AccessPmc.Browser.Tests;

/// <summary>The scanner without its server: the app shell from the service worker, verdicts from the synced keys and revocation list, scans uploaded later.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OfflineScannerTests(ScannerFixture server) : IClassFixture<ScannerFixture>
{
    [Fact]
    public async Task WithTheServerStoppedTheAppOpensFromItsCacheVerifiesOfflineAndUploadsTheScansWhenTheServerIsBack()
    {
        var valid = await server.IssueAsync("PMC");
        var revoked = await server.IssueAsync("PMC");
        await server.Host.Issuer.RevokePassAsync(revoked.Id, "stolen");
        var scanner = await server.NewScannerAsync();
        var context = await server.NewContextAsync();
        var page = await ScannerPage.EnrolAsync(context, scanner.EnrolmentUrl!);
        await page.Page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");

        await server.StopHostAsync();
        await page.Page.ReloadAsync();
        await page.WaitForScanScreenAsync();
        await Expect(page.Page.Locator("#status-network")).ToHaveTextAsync("Hors ligne");

        await page.TypeCodeAsync(valid.Code);
        var green = await page.VerdictAsync();
        await page.DismissAsync();
        await page.TypeCodeAsync(revoked.Code);
        var red = await page.VerdictAsync();
        await page.ScreenshotAsync("7-red-offline-revoked");
        await page.AssertAccessibleAsync("offline verdict");
        await page.DismissAsync();

        Assert.Equal(("valid", "J. DUPONT"), (green.Result, green.Label));
        Assert.Equal("Vérifié hors ligne · Liste de révocation\u202F: à l'instant", green.Offline);
        Assert.Equal(("invalid", "Laissez-passer révoqué"), (red.Result, red.Reason));
        Assert.StartsWith("Vérifié hors ligne", red.Offline, StringComparison.Ordinal);
        await Expect(page.Page.Locator("#status-queue")).ToHaveTextAsync("Scans en attente d'envoi\u202F: 2");

        await server.RestartHostAsync();
        await page.Page.GetByText("Réglages").ClickAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Synchroniser" }).ClickAsync();
        await Expect(page.Page.Locator("#status-queue")).ToBeHiddenAsync();

        var events = (await server.ScanEventsAsync()).Where(e => e.GetBoolean("Offline") == true).ToList();
        Assert.Equal(2, events.Count);
        Assert.Contains(events, e => e.GetString("PassId") == valid.Id && e.GetString("Result") == "valid");
        Assert.Contains(events, e => e.GetString("PassId") == revoked.Id && e.GetString("Reason") == "revoked");
        Assert.All(events, e => Assert.Equal((scanner.Client.Id, "PMC"), (e.GetString("ScannerId"), e.GetString("Site"))));
    }

    [Fact]
    public async Task WithoutAFirstSyncTheAppRefusesToVerifyOfflineAndSaysWhy()
    {
        var pass = await server.IssueAsync("PMC");
        var scanner = await server.NewScannerAsync();
        var context = await server.NewContextAsync();
        await context.RouteAsync("**/api/keys", route => route.AbortAsync());
        var page = new ScannerPage(await context.NewPageAsync());
        await page.Page.GotoAsync(scanner.EnrolmentUrl!);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "PMC", Exact = false }).ClickAsync();
        await page.WaitForScanScreenAsync();
        await page.HoldVerdictsAsync();
        await Expect(page.Page.Locator("#status-sync")).ToHaveTextAsync("Jamais synchronisé");

        await context.RouteAsync("**/api/verify", route => route.AbortAsync());
        await page.TypeCodeAsync(pass.Code);
        var verdict = await page.VerdictAsync();

        Assert.Equal(("cannot", "Vérification impossible"), (verdict.Result, verdict.Title));
        Assert.Contains("n'a encore jamais été synchronisé", verdict.Reason, StringComparison.Ordinal);
        Assert.Equal("", verdict.Label);
        await page.ScreenshotAsync("8-cannot-never-synced");
        await page.AssertAccessibleAsync("cannot-verify verdict");
    }
}
