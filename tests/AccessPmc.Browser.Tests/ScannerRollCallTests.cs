using System.Text.RegularExpressions;
using AccessPmc.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace AccessPmc.Browser.Tests;

/// <summary>The roll-call on the agent's phone: who is inside the guarded site, as the service keeps it, printable; offline, no list at all rather than a wrong one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScannerRollCallTests(ScannerFixture server) : IClassFixture<ScannerFixture>, IAsyncLifetime
{
    private IBrowserContext context = null!;

    public async Task InitializeAsync() => context = await server.NewContextAsync();

    public async Task DisposeAsync() => await context.CloseAsync();

    [Fact]
    public async Task AnEntryScannedAtTheGateIsOnTheSitesRollCallWithItsGateAgainstTheCapacity()
    {
        var pass = await server.IssueAsync("PMC");
        var scanner = await server.NewScannerAsync();
        var page = await ScannerPage.EnrolAsync(context, scanner.EnrolmentUrl!);
        await page.Page.GetByText("Entrée", new() { Exact = true }).ClickAsync();
        await page.TypeCodeAsync(pass.Code);
        Assert.Equal("valid", (await page.VerdictAsync()).Result);
        await page.DismissAsync();

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Liste des présents sur le site" }).ClickAsync();

        await Expect(page.Page.Locator("#rollcall-summary")).ToContainTextAsync("Présents\u202F: 1 sur 200 — liste du ");
        var row = page.Page.Locator("#rollcall-list tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Equal(["J. DUPONT", "Temporaire", scanner.Client.Name], [cells[0], cells[1], cells[3]]);
        Assert.Matches(@"2\d{3}.* \d{2}:\d{2}$", cells[2]);
        await page.ScreenshotAsync("scanner-rollcall");
        await page.AssertAccessibleAsync("roll-call");
        await page.Page.SetViewportSizeAsync(360, 740);
        Assert.True(await page.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 360"), "the roll-call is wider than a 360 px phone");
        await Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Imprimer" })).ToBeInViewportAsync();

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Retour au scan" }).ClickAsync();
        await page.WaitForScanScreenAsync();
    }

    [Fact]
    public async Task OfflineTheRollCallSaysItNeedsTheNetworkAndShowsNoList()
    {
        var pass = await server.IssueAsync("PMC");
        var page = await ScannerPage.EnrolAsync(context, (await server.NewScannerAsync()).EnrolmentUrl!);
        var verifications = 0;
        context.Request += (_, request) => verifications += request.Url.EndsWith("/api/verify", StringComparison.Ordinal) ? 1 : 0;
        await context.RouteAsync("**/api/sites/**", route => route.AbortAsync("internetdisconnected"));

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Liste des présents sur le site" }).ClickAsync();

        await Expect(page.Page.Locator("#rollcall-summary")).ToHaveTextAsync(new Regex("^La liste des présents demande le réseau"));
        await Expect(page.Page.Locator("#rollcall-list")).ToBeEmptyAsync();
        // A reader typing a code while the list is in front: not verified behind it (a held verdict would also
        // cover the Back button). Back on the scan screen, the same reader's code is verified once.
        await page.Page.Keyboard.TypeAsync(pass.Code + "\r");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Retour au scan" }).ClickAsync();
        await page.WaitForScanScreenAsync();
        await page.Page.Keyboard.TypeAsync(pass.Code + "\r");

        Assert.Equal("valid", (await page.VerdictAsync()).Result);
        Assert.Equal(1, verifications);
    }
}
