using System.Text;
using AccessPmc.Browser.Tests.Infrastructure;
using AccessPmc.Contracts;
using static Microsoft.Playwright.Assertions;

namespace AccessPmc.Browser.Tests;

/// <summary>The console's sign-in and passes screens in real Chromium: roles, issue (and the service's field errors), a CSV upload, revoke, print.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsolePassesTests(ScannerFixture server) : IClassFixture<ScannerFixture>, IAsyncLifetime
{
    private IBrowserContext context = null!;

    public async Task InitializeAsync() => context = await server.NewDesktopContextAsync();

    public async Task DisposeAsync() => await context.CloseAsync();

    [Fact]
    public async Task AnIssuerSignsInSeesOnlyWhatItsRoleMayDoAndItsKeyLivesInTheTabUntilSignOut()
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("console/");
        await new ConsolePage(page).AssertAccessibleAsync("sign-in");
        await page.GetByLabel("Clé d'API").FillAsync("not-a-key-of-this-service-0123456789abcdef");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.Locator("#signin-message")).ToHaveTextAsync("Cette clé n'est pas acceptée par le service.");

        var console = await ConsolePage.SignInAsync(context, TestApp.IssuerKey);
        var nav = console.Page.GetByRole(AriaRole.Navigation);

        await Expect(nav.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Tableau de bord", "Laissez-passer"]);
        await Expect(console.Page.Locator("#who")).ToHaveTextAsync("issuer-phys · émetteur (PHYS)");
        await Expect(console.Page.Locator("#dashboard-status")).ToContainTextAsync("Mis à jour", new() { Timeout = 30_000 });
        await Expect(console.Page.Locator("#anomalies")).ToBeHiddenAsync();
        await console.AssertAccessibleAsync("issuer dashboard");
        Assert.Equal(TestApp.IssuerKey, await console.Page.EvaluateAsync<string>("() => sessionStorage.getItem('accesspmc-console-key')"));
        Assert.DoesNotContain(TestApp.IssuerKey, await console.Page.EvaluateAsync<string>("() => JSON.stringify(localStorage)"), StringComparison.Ordinal);
        await console.Page.GotoAsync("console/#scanners");
        await Expect(console.Page.GetByRole(AriaRole.Heading, new() { Name = "Tableau de bord", Level = 1 })).ToBeVisibleAsync();

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Expect(console.Page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();
        Assert.Null(await console.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('accesspmc-console-key')"));

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await Expect(console.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(console.Page.GetByLabel("API key")).ToBeVisibleAsync();
        Assert.Equal("en", await console.Page.GetAttributeAsync("html", "lang"));
    }

    [Fact]
    public async Task APassIssuedThroughTheFormExistsAndABadOneShowsTheServicesMessageBesideItsField()
    {
        var console = await ConsolePage.SignInAsync(context, TestApp.IssuerKey);
        await console.Page.GotoAsync("console/#passes/issue");
        var form = console.Page.Locator("#issue-form");

        await form.GetByLabel("Prénom").FillAsync("Irène");
        await form.GetByLabel("Nom", new() { Exact = true }).FillAsync("Joliot-Curie");
        await form.GetByLabel("Type").SelectOptionAsync("attestation");
        await form.GetByLabel("Pierre et Marie Curie (PMC)").CheckAsync();
        await form.GetByLabel("Début (facultatif)").FillAsync("2030-03-02T08:00");
        await form.GetByLabel("Fin (facultatif)").FillAsync("2030-03-01T08:00");
        await form.GetByRole(AriaRole.Button, new() { Name = "Délivrer" }).ClickAsync();

        var until = form.GetByLabel("Fin (facultatif)");
        await Expect(console.Page.Locator("#issue-validUntil-error")).ToHaveTextAsync("validUntil must be after validFrom.");
        await Expect(until).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(console.Page.Locator("#issue-summary")).ToContainTextAsync("La fin précède le début");
        await console.ScreenshotAsync("passes-issue-error");
        await console.AssertAccessibleAsync("issue form with an error");

        await until.FillAsync("2030-03-05T18:00");
        await form.GetByRole(AriaRole.Button, new() { Name = "Délivrer" }).ClickAsync();
        await Expect(console.Page.Locator("#issue-result")).ToContainTextAsync("Laissez-passer délivré : I. JOLIOT-CURIE");
        var id = (await console.Page.Locator("#issue-result code").InnerTextAsync()).Trim();
        var pass = await server.Host.Issuer.GetPassAsync(id);

        Assert.Equal((PassKinds.Attestation, "PHYS", "Irène"), (pass.Kind, pass.Unit, pass.GivenName));
        Assert.Equal(new DateTimeOffset(2030, 3, 2, 7, 0, 0, TimeSpan.Zero), pass.ValidFrom); // 08:00 in Paris, winter time
        Assert.Equal(new DateTimeOffset(2030, 3, 5, 17, 0, 0, TimeSpan.Zero), pass.ValidUntil);
        await Expect(console.Page.Locator("#issue-validUntil-error")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnEndDateTypedWithoutItsTimeIsFlaggedAndNothingIsIssued()
    {
        // The browser reads a half-typed date as empty: sent, it would give the kind's longest validity.
        var console = await ConsolePage.SignInAsync(context, TestApp.IssuerKey);
        await console.Page.GotoAsync("console/#passes/issue");
        var form = console.Page.Locator("#issue-form");
        await form.GetByLabel("Prénom").FillAsync("Paul");
        await form.GetByLabel("Nom", new() { Exact = true }).FillAsync("Langevin");
        await form.GetByLabel("Type").SelectOptionAsync("temporary");
        await form.GetByLabel("Pierre et Marie Curie (PMC)").CheckAsync();
        var until = form.GetByLabel("Fin (facultatif)");
        await until.FocusAsync();
        await until.PressSequentiallyAsync("03052030");
        var sent = 0;
        console.Page.Request += (_, r) => sent += r.Url.EndsWith("/api/passes", StringComparison.Ordinal) && r.Method == "POST" ? 1 : 0;

        await form.GetByRole(AriaRole.Button, new() { Name = "Délivrer" }).ClickAsync();

        await Expect(console.Page.Locator("#issue-validUntil-error")).ToHaveTextAsync("Date ou heure incomplète\u202F: complétez les deux, ou videz le champ.");
        await Expect(until).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(0, sent);
    }

    [Fact]
    public async Task ACsvOf300RowsWithTwoBadRowsMovesTheProgressBarListsExactlyThoseTwoAndASecondSendingCreatesNoDuplicate()
    {
        var csv = new StringBuilder("givenName;familyName;kind;validFrom;sites\r\n");
        for (var row = 1; row <= 300; row++)
        {
            var kind = row == 57 ? "visitor" : "temporary";
            var from = row == 211 ? "31/12/2026 08:00" : "";
            csv.Append($"Agent{row};Dupont;{kind};{from};PMC\r\n");
        }

        var file = new FilePayload { Name = "agents.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) };
        var console = await ConsolePage.SignInAsync(context, TestApp.IssuerKey);
        await console.Page.GotoAsync("console/#passes/batch");
        await console.Page.EvaluateAsync(RecordProgress);

        await console.Page.GetByLabel("Fichier CSV", new() { Exact = true }).SetInputFilesAsync(file);
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Expect(console.Page.Locator("#batch-status")).ToHaveTextAsync("Terminé : 298 créés, 0 déjà délivré, 2 refusés (fichier lu en utf-8).", new() { Timeout = 60_000 });

        var seen = await console.Page.EvaluateAsync<int[]>("() => window.progressSeen");
        Assert.Equal([0, 100, 200, 300], seen.Distinct());
        await Expect(console.Page.Locator("#batch-progress-label")).ToHaveTextAsync("300 / 300 lignes envoyées");
        var failed = await console.RowsAsync(console.Page.Locator("#batch-results > .table-wrap table"));
        Assert.Equal(["57", "211"], failed.Select(r => r[0]));
        Assert.All(failed, r => Assert.Equal("Refusé", r[2]));
        Assert.StartsWith("Type inconnu", failed[0][3], StringComparison.Ordinal);
        Assert.StartsWith("Date illisible", failed[1][3], StringComparison.Ordinal);
        Assert.Contains("?dates=day-first", failed[1][3], StringComparison.Ordinal);
        await console.ScreenshotAsync("passes-batch");
        await console.AssertAccessibleAsync("CSV upload results");

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Expect(console.Page.Locator("#batch-status")).ToHaveTextAsync("Terminé : 0 créé, 298 déjà délivrés, 2 refusés (fichier lu en utf-8).", new() { Timeout = 60_000 });
        Assert.Equal(298, await CountPassesAsync(p => p.GivenName!.StartsWith("Agent", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AUnitsPassesAreListedPrintedAloneOrAsASheetAndRevokedWithAReason()
    {
        var pass = await server.Host.Issuer.IssuePassAsync(new IssuePassRequest("Paul", "Langevin", PassKinds.Temporary, null, null, ["PMC"]));
        var console = await ConsolePage.SignInAsync(context, TestApp.IssuerKey);
        await console.OpenAsync("Laissez-passer");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        await console.Page.GetByLabel("Filtrer (nom, identifiant)").FillAsync("LANGÉVIN"); // case and accents aside
        await Expect(console.Page.Locator("#list-table tbody tr")).ToHaveCountAsync(1);

        var download = await console.Page.RunAndWaitForDownloadAsync(() =>
            console.Page.GetByRole(AriaRole.Button, new() { Name = "PDF A4 de Paul Langevin" }).ClickAsync());
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal($"pass-{pass.Id}-a4.pdf", download.SuggestedFilename);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        await console.Page.GetByLabel("Choisir le laissez-passer de Paul Langevin").CheckAsync();
        var sheet = await console.Page.RunAndWaitForDownloadAsync(() =>
            console.Page.GetByRole(AriaRole.Button, new() { Name = "Imprimer la sélection (1)" }).ClickAsync());
        Assert.Equal("passes-sheet.pdf", sheet.SuggestedFilename);
        await Expect(console.Page.Locator("#toast")).ToHaveTextAsync("PDF prêt : 1 imprimé, 0 refusé (listés en dernière page).");

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Révoquer le laissez-passer de Paul Langevin" }).ClickAsync();
        var dialog = console.Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Révoquer" }).ClickAsync();
        await Expect(dialog.Locator("#dialog-error")).ToHaveTextAsync("Indiquez un motif (1 à 200 caractères).");
        await console.AssertAccessibleAsync("revoke dialog");
        await dialog.GetByLabel("Motif (obligatoire)").FillAsync("badge perdu");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Révoquer" }).ClickAsync();

        await Expect(console.Page.Locator("#list-table tbody tr td").Nth(3)).ToHaveTextAsync("Révoqué");
        await Expect(console.Page.GetByRole(AriaRole.Button, new() { Name = "Révoquer le laissez-passer de Paul Langevin" })).ToBeDisabledAsync();
        var revoked = await server.Host.Issuer.GetPassAsync(pass.Id);
        Assert.Equal((PassStatuses.Revoked, "badge perdu"), (revoked.Status, revoked.RevocationReason));
        await console.Page.GetByLabel("Filtrer (nom, identifiant)").FillAsync("");
        await console.ScreenshotAsync("passes-list");
        await console.AssertAccessibleAsync("passes list");
    }

    // Every value the progress bar takes, in order (a <progress>'s value is its attribute).
    private const string RecordProgress = """
        () => {
          window.progressSeen = [];
          const bar = document.getElementById('batch-progress');
          new MutationObserver(() => window.progressSeen.push(Number(bar.getAttribute('value')))).observe(bar, { attributes: true, attributeFilter: ['value'] });
        }
        """;

    private async Task<int> CountPassesAsync(Func<PassResponse, bool> which)
    {
        var count = 0;
        string? next = null;
        do
        {
            var page = await server.Host.Issuer.ListPassesAsync("PHYS", 100, next);
            count += page.Items.Count(which);
            next = page.Next;
        }
        while (next is not null);
        return count;
    }
}
