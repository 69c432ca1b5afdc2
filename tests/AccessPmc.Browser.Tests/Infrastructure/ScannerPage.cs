using Deque.AxeCore.Playwright;

namespace AccessPmc.Browser.Tests.Infrastructure;

/// <summary>What the agent sees on the verdict screen.</summary>
public sealed record VerdictSeen(string Result, string Title, string Reason, string Label, string Details, string Offline, string Advice, string Presence);

/// <summary>The scanner app in one tab, driven as an agent would: enrol, pick a site, scan, read the verdict.</summary>
public sealed class ScannerPage(IPage page)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public IPage Page => page;

    /// <summary>
    /// Opens the admin's enrolment URL, picks <paramref name="site"/>, waits for the first sync, and (with
    /// <paramref name="hold"/>) sets "keep the verdict until tapped", so that a slow machine reads every
    /// verdict before it goes. A camera test does without: the camera shows the verdict again after a few seconds.
    /// </summary>
    public static async Task<ScannerPage> EnrolAsync(IBrowserContext context, string enrolmentUrl, string site = "PMC", bool hold = true)
    {
        var scanner = new ScannerPage(await context.NewPageAsync());
        await scanner.Page.GotoAsync(enrolmentUrl);
        await scanner.Page.GetByRole(AriaRole.Button, new() { Name = site, Exact = false }).ClickAsync();
        await scanner.WaitForScanScreenAsync();
        if (hold)
        {
            await scanner.HoldVerdictsAsync();
        }

        await Assertions.Expect(scanner.Page.Locator("#status-network")).ToHaveTextAsync("En ligne", new() { Timeout = (float)Deadline.TotalMilliseconds });
        return scanner;
    }

    public async Task HoldVerdictsAsync()
    {
        await page.Locator(".menu summary").ClickAsync();
        await page.GetByLabel("Garder le verdict affiché jusqu'à un toucher").CheckAsync();
        await page.Locator(".menu summary").ClickAsync();
    }

    public Task WaitForScanScreenAsync() =>
        page.Locator("#screen-scan").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)Deadline.TotalMilliseconds });

    /// <summary>Types a code in the manual field and presses Enter.</summary>
    public async Task TypeCodeAsync(string code)
    {
        await page.Locator("#manual-code").FillAsync(code);
        await page.Locator("#manual-code").PressAsync("Enter");
    }

    public async Task<VerdictSeen> VerdictAsync()
    {
        var verdict = page.Locator("#verdict");
        await verdict.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)Deadline.TotalMilliseconds });
        async Task<string> Text(string id) => await page.Locator($"#{id}").IsVisibleAsync() ? (await page.Locator($"#{id}").InnerTextAsync()).Trim() : "";
        return new VerdictSeen(
            await verdict.GetAttributeAsync("data-result") ?? "",
            await Text("verdict-title"),
            await Text("verdict-reason"),
            await Text("verdict-label"),
            string.Join(" | ", await Text("verdict-kind"), await Text("verdict-until")),
            await Text("verdict-offline"),
            await Text("verdict-hint"),
            await Text("verdict-presence"));
    }

    /// <summary>Taps the verdict away, back to scanning.</summary>
    public async Task DismissAsync()
    {
        await page.Locator("#verdict-dismiss").ClickAsync();
        await page.Locator("#verdict").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    /// <summary>axe on the page as shown: no serious or critical violation.</summary>
    public async Task AssertAccessibleAsync(string screen)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").ToList();
        Assert.True(blocking.Count == 0, $"{screen}: " + string.Join("; ", blocking));
    }

    public Task ScreenshotAsync(string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScannerFixture.Screenshots, name + ".png"), FullPage = false });
}
