using System.Text;
using AccessPmc.Browser.Tests.Infrastructure;
using AccessPmc.Contracts;
using static Microsoft.Playwright.Assertions;

namespace AccessPmc.Browser.Tests;

/// <summary>The console's admin screens in real Chromium: the dashboard against GET /api/stats, scanner enrolment by QR, the roll-call.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleAdminTests(ScannerFixture server) : IClassFixture<ScannerFixture>, IAsyncLifetime
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private IBrowserContext context = null!;

    public async Task InitializeAsync() => context = await server.NewDesktopContextAsync();

    public async Task DisposeAsync() => await context.CloseAsync();

    [Fact]
    public async Task TheDashboardShowsTheStatisticsOfSeededScansAndPassesExactlyAsTheApiCountsThem()
    {
        var (from, to, days) = Today();
        await SeedAsync();
        var expected = await server.Host.Admin.GetStatsAsync(from, to, Granularities.Hour);
        var passes = await server.Host.Admin.GetStatsAsync(days.From, days.To, Granularities.Day);

        var console = await ConsolePage.SignInAsync(context, TestApp.AdminKey);
        await Expect(console.Page.Locator("#dashboard-status")).ToContainTextAsync("Mis à jour", new() { Timeout = 30_000 });

        Assert.Equal(expected.Scans.Sum(b => b.Valid).ToString(), await console.FigureAsync("Passages valides"));
        Assert.Equal(expected.Scans.Sum(b => b.Invalid).ToString(), await console.FigureAsync("Passages refusés"));
        Assert.Equal(passes.Passes.Sum(b => b.Issued).ToString(), await console.FigureAsync("Laissez-passer délivrés"));
        Assert.Equal(passes.Passes.Sum(b => b.Revoked).ToString(), await console.FigureAsync("Laissez-passer révoqués"));
        var pmc = expected.Scans.Where(b => b.Site == "PMC").ToList();
        var table = await console.RowsAsync(console.Page.Locator("#chart-scans-PMC table"));
        Assert.Equal(pmc.Count(b => b.Valid + b.Invalid > 0), table.Count);
        Assert.Equal(pmc.Sum(b => b.Valid), table.Sum(r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(pmc.Sum(b => b.Invalid), table.Sum(r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)));
        await Expect(console.Page.Locator("#chart-scans-PMC thead th")).ToContainTextAsync(["Début", "Valide", "Refusés"]);
        await Expect(console.Page.Locator("#chart-occupancy .summary")).ToContainTextAsync("Pierre et Marie Curie : ");
        await Expect(console.Page.Locator("#anomalies-body")).ToContainTextAsync("Laissez-passer révoqué présenté");

        var download = await console.Page.RunAndWaitForDownloadAsync(() =>
            console.Page.Locator("#chart-scans-PMC").GetByRole(AriaRole.Button, new() { Name = "Télécharger les données (CSV)" }).ClickAsync());
        var csv = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(pmc.Sum(b => b.Valid), csv.Sum(r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)));

        var shot = await console.ScreenshotAsync("dashboard");
        await console.AssertAccessibleAsync("dashboard");
        Assert.True(new FileInfo(shot).Length > 20_000);
    }

    [Fact]
    public async Task AScannerCreatedInTheConsoleShowsItsEnrolmentQrOnceAndTheQrOnScreenIsTheEnrolmentUrl()
    {
        var console = await ConsolePage.SignInAsync(context, TestApp.AdminKey);
        await console.OpenAsync("Scanners");
        await console.Page.GetByLabel("Nom (par exemple « Entrée nord »)").FillAsync("Porte Nord");
        await console.Page.Locator("#scanner-site-list").GetByLabel("Pierre et Marie Curie (PMC)").CheckAsync();
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Créer le scanner" }).ClickAsync();

        await Expect(console.Page.GetByRole(AriaRole.Heading, new() { Name = "Enrôlement de « Porte Nord »" })).ToBeVisibleAsync();
        var url = await ReadEnrolmentAsync(console);
        Assert.StartsWith(new Uri(server.BaseAddress, "scanner/#enrol=").AbsoluteUri, url, StringComparison.Ordinal);
        var me = await server.Host.Client(Uri.UnescapeDataString(url[(url.IndexOf("#enrol=", StringComparison.Ordinal) + 7)..])).GetMeAsync();
        Assert.Equal(("Porte Nord", Roles.Scanner), (me.Name, me.Role));
        Assert.Equal(["PMC"], me.Sites.Select(s => s.Code));
        await console.ScreenshotAsync("scanners-enrolment");
        await console.AssertAccessibleAsync("scanner enrolment");

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Terminé, effacer le QR code" }).ClickAsync();
        await Expect(console.Page.Locator("#enrolment")).ToBeHiddenAsync();
        Assert.Equal("", await console.Page.Locator("#enrolment-url").TextContentAsync());

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Nouvelle clé pour Porte Nord" }).ClickAsync();
        await console.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Nouvelle clé" }).ClickAsync();
        var rotated = await ReadEnrolmentAsync(console);
        Assert.NotEqual(url, rotated);
        Assert.Equal("Porte Nord", (await server.Host.Client(Uri.UnescapeDataString(rotated[(rotated.IndexOf("#enrol=", StringComparison.Ordinal) + 7)..])).GetMeAsync()).Name);
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Terminé, effacer le QR code" }).ClickAsync();

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Désactiver Porte Nord" }).ClickAsync();
        await console.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Désactiver" }).ClickAsync();
        await Expect(console.Page.GetByRole(AriaRole.Button, new() { Name = "Désactiver Porte Nord" })).ToBeDisabledAsync();
        Assert.NotNull((await server.Host.Admin.ListClientsAsync()).Items.Single(c => c.Name == "Porte Nord").DisabledAt);
        await console.ScreenshotAsync("scanners");
        await console.AssertAccessibleAsync("scanners list");
    }

    [Fact]
    public async Task TheRollCallListsAPassThatEnteredWithItsGateAndTheServicesCsv()
    {
        var pass = await server.Host.Issuer.IssuePassAsync(new IssuePassRequest("Marie", "Curie", PassKinds.LongTerm, null, null, ["PMC"]));
        Assert.Equal(VerifyResults.Valid, (await server.Host.Scanner.VerifyAsync(pass.Code, "PMC", Directions.Entry)).Result);

        var console = await ConsolePage.SignInAsync(context, TestApp.AdminKey);
        await console.OpenAsync("Présence");
        var row = console.Page.Locator("#presence-table tbody tr").Filter(new() { HasText = "M. CURIE" });

        await Expect(row.Locator("td")).ToContainTextAsync(["M. CURIE", "Longue durée", "", "scanner-pmc", pass.Id[..8]]);
        var occupancy = (await server.Host.Admin.GetSitePresenceAsync("PMC")).Occupancy;
        await Expect(console.Page.Locator("#presence-summary")).ToContainTextAsync($"Pierre et Marie Curie : {occupancy} {(occupancy < 2 ? "présent" : "présents")} sur 200");
        var download = await console.Page.RunAndWaitForDownloadAsync(() => console.Page.GetByRole(AriaRole.Button, new() { Name = "Télécharger (CSV)" }).ClickAsync());
        Assert.Contains("M. CURIE", await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8), StringComparison.Ordinal);
        await console.ScreenshotAsync("presence");
        await console.AssertAccessibleAsync("roll-call");
    }

    /// <summary>The QR drawn on the page, read back from a screenshot of its canvas, and the link printed beside it: they must agree.</summary>
    private static async Task<string> ReadEnrolmentAsync(ConsolePage console)
    {
        await Expect(console.Page.Locator("#enrolment-url")).Not.ToBeEmptyAsync();
        var text = (await console.Page.Locator("#enrolment-url").InnerTextAsync()).Trim();
        var decoded = QrDecoder.Decode(await console.Page.Locator("#enrolment-qr").ScreenshotAsync());
        Assert.Equal(text, decoded);
        return decoded;
    }

    /// <summary>Scans of every kind at PMC (valid, revoked, wrong site, unreadable) and passes issued and revoked, then waits until the statistics count them.</summary>
    private async Task SeedAsync()
    {
        var issuer = server.Host.Issuer;
        var scanner = server.Host.Scanner;
        var valid = await server.IssueAsync("PMC");
        var elsewhere = await server.IssueAsync("JUSSIEU");
        var revoked = await server.IssueAsync("PMC");
        await issuer.RevokePassAsync(revoked.Id, "lost");
        var (from, to, _) = Today();
        var before = await server.Host.Admin.GetStatsAsync(from, to, Granularities.Hour);
        string[] codes = [valid.Code, valid.Code, revoked.Code, elsewhere.Code, "PMC1:NOT-A-CODE"];
        foreach (var code in codes)
        {
            await scanner.VerifyAsync(code, "PMC");
        }

        await scanner.VerifyAsync(valid.Code, "PMC", Directions.Entry);
        var expected = before.Scans.Sum(b => b.Valid + b.Invalid) + codes.Length + 1;
        await RunningHost.WaitUntilAsync(async () => (await server.Host.Admin.GetStatsAsync(from, to, Granularities.Hour)).Scans.Sum(b => b.Valid + b.Invalid) >= expected, "the statistics count the seeded scans");
        await RunningHost.WaitUntilAsync(async () => (await server.Host.Admin.GetAnomaliesAsync("PMC")).Items.Any(a => a.Kind == AnomalyKinds.RevokedPresented), "the revoked pass's anomaly is recorded");
    }

    /// <summary>The dashboard's default range: today in the browser's zone (Paris) for hours, today's UTC day for days.</summary>
    private static (DateTimeOffset From, DateTimeOffset To, (DateTimeOffset From, DateTimeOffset To) Days) Today()
    {
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).Date;
        DateTimeOffset Midnight(DateTime day) => new(day, Paris.GetUtcOffset(day));
        var utcDay = new DateTimeOffset(today, TimeSpan.Zero);
        return (Midnight(today), Midnight(today.AddDays(1)), (utcDay, utcDay.AddDays(1)));
    }
}
