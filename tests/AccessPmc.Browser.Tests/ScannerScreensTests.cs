using System.Text.Json;
using AccessPmc.Browser.Tests.Infrastructure;
using AccessPmc.Contracts;
using static Microsoft.Playwright.Assertions;

namespace AccessPmc.Browser.Tests;

/// <summary>The scanner app in real Chromium, without the camera: enrolment, typed and keyboard-wedge codes, every verdict screen.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScannerScreensTests(ScannerFixture server) : IClassFixture<ScannerFixture>, IAsyncLifetime
{
    private IBrowserContext context = null!;

    public async Task InitializeAsync() => context = await server.NewContextAsync();

    public async Task DisposeAsync() => await context.CloseAsync();

    private async Task<ScannerPage> EnrolledAsync() => await ScannerPage.EnrolAsync(context, (await server.NewScannerAsync()).EnrolmentUrl!);

    [Fact]
    public async Task TheFirstScreenAsksForEnrolmentAndAKeyTypedByHandEnrols()
    {
        var scanner = await server.NewScannerAsync();
        var page = new ScannerPage(await context.NewPageAsync());
        await page.Page.GotoAsync("scanner/");

        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Name = "Enrôler ce téléphone" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("1-setup");
        await page.AssertAccessibleAsync("setup");
        await page.Page.GetByLabel("Clé du scanner").FillAsync(scanner.ApiKey);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Enrôler" }).ClickAsync();

        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Name = "Quel site gardez-vous ?" })).ToBeVisibleAsync();
        await Expect(page.Page.Locator("#site-list button")).ToHaveTextAsync(["Pierre et Marie Curie (PMC)", "JUSSIEU"]);
        await page.ScreenshotAsync("2-site");
        await page.AssertAccessibleAsync("site choice");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "JUSSIEU" }).ClickAsync();
        await page.WaitForScanScreenAsync();
        await Expect(page.Page.Locator("#site-name")).ToHaveTextAsync("Site : JUSSIEU");
        await Expect(page.Page.Locator("#status-network")).ToHaveTextAsync("En ligne");
        await page.ScreenshotAsync("3-scan");
        await page.AssertAccessibleAsync("scan");

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await Expect(page.Page.Locator("#site-name")).ToHaveTextAsync("Site: JUSSIEU");
        await Expect(page.Page.Locator("#status-network")).ToHaveTextAsync("Online");
    }

    [Fact]
    public async Task OpeningTheEnrolmentUrlEnrolsTakesTheKeyOutOfTheAddressBarAndKeepsItAcrossReloads()
    {
        var scanner = await server.NewScannerAsync();
        var requests = new List<string>();
        context.Request += (_, r) => requests.Add(r.Url);

        var page = await ScannerPage.EnrolAsync(context, scanner.EnrolmentUrl!);
        await page.Page.ReloadAsync();
        await page.WaitForScanScreenAsync();

        Assert.Equal(new Uri(server.BaseAddress, "scanner/").AbsoluteUri, page.Page.Url);
        Assert.Equal(scanner.ApiKey, await page.Page.EvaluateAsync<string>(ReadStoredKey));
        Assert.DoesNotContain(requests, url => url.Contains(scanner.ApiKey, StringComparison.Ordinal));
        await Expect(page.Page.Locator("#site-name")).ToHaveTextAsync("Site : Pierre et Marie Curie");
    }

    [Fact]
    public async Task AKeyboardWedgeReaderTypingTheCodeAndACarriageReturnGetsAGreenVerdictWithTheLabel()
    {
        var pass = await server.IssueAsync("PMC");
        var page = await EnrolledAsync();

        await page.Page.Keyboard.TypeAsync(pass.Code + "\r");
        var verdict = await page.VerdictAsync();

        Assert.Equal(("valid", "Valide", "J. DUPONT", ""), (verdict.Result, verdict.Title, verdict.Label, verdict.Offline));
        Assert.StartsWith("Temporaire | Valable jusqu'au", verdict.Details, StringComparison.Ordinal);
        await page.AssertAccessibleAsync("valid verdict");
        await page.DismissAsync();
        await page.TypeCodeAsync("  " + pass.Code.ToLowerInvariant() + "  ");
        Assert.Equal("valid", (await page.VerdictAsync()).Result);
    }

    [Fact]
    public async Task ARevokedPassIsRedAndSaysRevoked()
    {
        var pass = await server.IssueAsync("PMC");
        await server.Host.Issuer.RevokePassAsync(pass.Id, "badge lost");
        var page = await EnrolledAsync();

        await page.TypeCodeAsync(pass.Code);
        var verdict = await page.VerdictAsync();

        Assert.Equal(("invalid", "Refusé", "Laissez-passer révoqué", "J. DUPONT"), (verdict.Result, verdict.Title, verdict.Reason, verdict.Label));
        Assert.DoesNotContain("Valable", verdict.Details, StringComparison.Ordinal); // an end date beside "revoked" reads as "valid"
        await page.ScreenshotAsync("5-red-revoked");
        await page.AssertAccessibleAsync("revoked verdict");
    }

    [Fact]
    public async Task ACodeWithOneChangedCharacterIsRedAsForgedAndShowsNoLabel()
    {
        var pass = await server.IssueAsync("PMC");
        var forged = await OneCharacterForgeryAsync(pass.Code);
        var page = await EnrolledAsync();

        await page.TypeCodeAsync(forged);
        var verdict = await page.VerdictAsync();

        Assert.Equal(("invalid", "Refusé", "Code falsifié (signature invalide)", "", " | "), (verdict.Result, verdict.Title, verdict.Reason, verdict.Label, verdict.Details));
        Assert.DoesNotContain("DUPONT", await page.Page.Locator("#verdict").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("6-red-forged");
    }

    [Fact]
    public async Task APassForAnotherSiteIsRedWrongSiteAndSaysWhereItOpensOnlineAndOffline()
    {
        var pass = await server.IssueAsync("JUSSIEU");
        var page = await EnrolledAsync();

        await page.TypeCodeAsync(pass.Code);
        var online = await page.VerdictAsync();
        await page.DismissAsync();
        await page.Page.RouteAsync("**/api/verify", route => route.AbortAsync());
        await page.TypeCodeAsync(pass.Code);
        var offline = await page.VerdictAsync();

        // Online from the server's answer, offline from the pass's own claims: the same words.
        Assert.Equal(("invalid", "Non valable sur ce site · Sites du laissez-passer\u202F: JUSSIEU", "J. DUPONT"), (online.Result, online.Reason, online.Label));
        Assert.Equal((online.Result, online.Reason), (offline.Result, offline.Reason));
        Assert.StartsWith("Vérifié hors ligne", offline.Offline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfflineAnEntrySaysPresenceIsNotCheckedAndTheStatusBarStaysInSight()
    {
        var pass = await server.IssueAsync("PMC");
        var page = await EnrolledAsync();
        await page.Page.SetViewportSizeAsync(360, 740);
        await page.Page.GetByText("Entrée", new() { Exact = true }).ClickAsync();
        await page.Page.RouteAsync("**/api/verify", route => route.AbortAsync());

        await page.TypeCodeAsync(pass.Code);
        var verdict = await page.VerdictAsync();
        await page.DismissAsync();
        var network = await page.Page.Locator("#status-network").BoundingBoxAsync();

        Assert.Equal("valid", verdict.Result);
        Assert.EndsWith("Entrées et capacité non contrôlées hors ligne", verdict.Offline, StringComparison.Ordinal);
        Assert.True(network is { } box && box.Y + box.Height <= 740, $"the network status is at {network?.Y} on a 740 px screen");
    }

    [Fact]
    public async Task TheDirectionIsSentAndPresenceAndHintsFromTheServerAreShownInPlainWords()
    {
        var page = await EnrolledAsync();
        var sent = new List<JsonElement>();
        var answers = new Queue<string>(
        [
            """{"result":"invalid","reason":"already_inside","displayLabel":"J. DUPONT","kind":"temporary","validUntil":"2026-12-01T07:00:00+00:00","presence":{"occupancy":12,"capacity":50,"enteredAt":"2026-11-29T07:30:00+00:00","enteredThrough":"Gate 2"}}""",
            """{"result":"invalid","reason":"site_full","displayLabel":"J. DUPONT","kind":"temporary","validUntil":"2026-12-01T07:00:00+00:00","presence":{"occupancy":50,"capacity":50}}""",
            """{"result":"invalid","reason":"malformed","hint":"keyboard_layout"}""",
        ]);
        await page.Page.RouteAsync("**/api/verify", async route =>
        {
            sent.Add(JsonDocument.Parse(route.Request.PostData!).RootElement.Clone());
            await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = answers.Dequeue() });
        });

        await page.Page.GetByText("Entrée", new() { Exact = true }).ClickAsync();
        await page.TypeCodeAsync("PMC1:ANYTHING");
        var inside = await page.VerdictAsync();
        await page.DismissAsync();
        await page.TypeCodeAsync("PMC1:OTHER");
        var full = await page.VerdictAsync();
        await page.DismissAsync();
        await page.TypeCodeAsync("PMC1MDAMAGED");
        var damaged = await page.VerdictAsync();

        Assert.Equal(["entry", "entry", "entry"], sent.Select(s => s.GetProperty("direction").GetString()));
        Assert.Equal("Ce laissez-passer est déjà entré et n'est pas ressorti", inside.Reason);
        // French typography: a narrow no-break space before ':' (U+202F). The switch's direction leads the line.
        Assert.Matches("^Sens\u202F: Entrée · Entré le .+ par Gate 2 · Sur le site\u202F: 12 / 50$", inside.Presence);
        Assert.Equal(("Site complet\u202F: capacité atteinte", "Sens\u202F: Entrée · Sur le site\u202F: 50 / 50"), (full.Reason, full.Presence));
        Assert.Equal("Code illisible", damaged.Reason);
        Assert.StartsWith("Conseil\u202F: Le lecteur semble réglé en clavier QWERTY", damaged.Advice, StringComparison.Ordinal);
        await page.AssertAccessibleAsync("refused verdict with advice");
    }

    [Fact]
    public async Task AClockThatDiffersFromTheServersIsWarned()
    {
        await context.RouteAsync("**/api/*", async route =>
        {
            var real = await route.FetchAsync();
            var headers = new Dictionary<string, string>(real.Headers) { ["date"] = DateTimeOffset.UtcNow.AddMinutes(-10).ToString("r") };
            await route.FulfillAsync(new() { Response = real, Headers = headers });
        });

        var page = await EnrolledAsync();

        await Expect(page.Page.Locator("#status-clock")).ToContainTextAsync("diffère de 10 min");
    }

    [Fact]
    public async Task TheEnrolmentSheetDrawsTheEnrolmentUrlAsAQrWithoutSendingTheKey()
    {
        var scanner = await server.NewScannerAsync();
        var requests = new List<string>();
        context.Request += (_, r) => requests.Add(r.Url);
        var page = new ScannerPage(await context.NewPageAsync());

        await page.Page.GotoAsync("scanner/enrol.html#enrol=" + scanner.ApiKey);
        var qr = await page.Page.Locator("#enrol-qr").ScreenshotAsync();

        Assert.Equal(scanner.EnrolmentUrl, QrDecoder.Decode(qr));
        await Expect(page.Page.Locator("#enrol-url")).ToHaveTextAsync(scanner.EnrolmentUrl!);
        Assert.DoesNotContain(requests, url => url.Contains(scanner.ApiKey, StringComparison.Ordinal));
        await page.ScreenshotAsync("0-enrolment-sheet");
        await page.AssertAccessibleAsync("enrolment sheet");
    }

    [Fact]
    public async Task SigningOutWipesTheKeyAndEverythingSyncedAndTheAppOpensUnenrolled()
    {
        var page = await EnrolledAsync();
        await page.Page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        page.Page.Dialog += (_, dialog) => dialog.AcceptAsync();

        await page.Page.Locator(".menu summary").ClickAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();

        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Name = "Enrôler ce téléphone" })).ToBeVisibleAsync();
        Assert.Null(await page.Page.EvaluateAsync<string?>(ReadStoredKey));
        Assert.Equal(0, await page.Page.EvaluateAsync<int>(CountStoredEntries));
        // The reopened app caches its shell again: pages and scripts only, nothing the API answered.
        Assert.Equal(0, await page.Page.EvaluateAsync<int>(
            "async () => (await Promise.all((await caches.keys()).map(async n => (await (await caches.open(n)).keys()).filter(r => r.url.includes('/api/')).length))).reduce((a, b) => a + b, 0)"));
    }

    private const string CountStoredEntries = """
        () => new Promise((resolve) => {
          const open = indexedDB.open('accesspmc-scanner');
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('state')) return resolve(0);
            const count = db.transaction('state').objectStore('state').count();
            count.onsuccess = () => resolve(count.result);
          };
        })
        """;

    private const string ReadStoredKey = """
        () => new Promise((resolve, reject) => {
          const open = indexedDB.open('accesspmc-scanner');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            if (!open.result.objectStoreNames.contains('state')) return resolve(null);
            const get = open.result.transaction('state').objectStore('state').get('apiKey');
            get.onsuccess = () => resolve(get.result);
          };
        })
        """;

    // One character changed, chosen so that the code still reads (strict Base45, CBOR) and only the signature fails.
    private async Task<string> OneCharacterForgeryAsync(string code)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        for (var at = code.Length - 4; at > 5; at--)
        {
            foreach (var c in alphabet.Where(c => c != code[at]))
            {
                var candidate = code[..at] + c + code[(at + 1)..];
                if ((await server.Host.Scanner.VerifyAsync(candidate, "PMC")).Reason == VerifyReasons.BadSignature)
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("No one-character forgery reads as a bad signature.");
    }
}
