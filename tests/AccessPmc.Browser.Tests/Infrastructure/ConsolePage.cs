using static Microsoft.Playwright.Assertions;

namespace AccessPmc.Browser.Tests.Infrastructure;

/// <summary>The admin console in one tab, driven as an administrator or issuer would: sign in, open a section, read what it shows.</summary>
public sealed class ConsolePage(IPage page)
{
    private static readonly float Deadline = 30_000;

    public IPage Page => page;

    /// <summary>Opens <c>/console/</c> in a new tab of <paramref name="context"/> and signs in with <paramref name="key"/>.</summary>
    public static async Task<ConsolePage> SignInAsync(IBrowserContext context, string key)
    {
        var console = new ConsolePage(await context.NewPageAsync());
        await console.Page.GotoAsync("console/");
        await console.Page.GetByLabel("Clé d'API").FillAsync(key);
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(console.Page.GetByRole(AriaRole.Navigation)).ToBeVisibleAsync(new() { Timeout = Deadline });
        return console;
    }

    /// <summary>Follows the navigation link named <paramref name="name"/> and waits for its heading.</summary>
    public async Task OpenAsync(string name)
    {
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync(new() { Timeout = Deadline });
    }

    /// <summary>The text of a key figure of the dashboard (e.g. "Passages valides").</summary>
    public async Task<string> FigureAsync(string label) =>
        (await page.Locator("#figures div").Filter(new() { Has = page.GetByText(label, new() { Exact = true }) }).Locator("dd").InnerTextAsync()).Trim();

    /// <summary>The rows of a table (header row excluded) as cell texts, shown or folded in a closed details.</summary>
    public async Task<List<string[]>> RowsAsync(ILocator table)
    {
        var rows = new List<string[]>();
        foreach (var row in await table.Locator("tbody tr").AllAsync())
        {
            rows.Add([.. (await row.Locator("td").AllTextContentsAsync()).Select(t => t.Trim())]);
        }

        return rows;
    }

    public Task AssertAccessibleAsync(string screen) => new ScannerPage(page).AssertAccessibleAsync("console " + screen);

    /// <summary>The whole page, as a reviewer sees it, in the screenshots folder (console-NAME.png).</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(ScannerFixture.Screenshots, $"console-{name}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }
}
