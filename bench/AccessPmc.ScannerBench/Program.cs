using System.Globalization;
using AccessPmc.Browser.Tests.Infrastructure;
using AccessPmc.Contracts;
using Microsoft.Playwright;

// Scanner figures for docs/performance.md (a benchmark, not a test), against a running SelfHost:
//   AccessPmc.ScannerBench BASE_URL ADMIN_KEY ISSUER_KEY [RUNS]
// 1. bytes a first visit downloads (page, scripts, decoder, service-worker precache);
// 2. time from the camera's first frame to the verdict on screen (performance marks of the app),
//    online (POST /api/verify) and offline (API unreachable: the JS verifier), median of RUNS page loads.
var invariant = CultureInfo.InvariantCulture;
var baseUrl = new Uri(args[0]);
var runs = args.Length > 3 ? int.Parse(args[3], invariant) : 25;
var admin = AccessPmcClient.Create(new Uri(baseUrl, "api/"), args[1]);
var issuer = AccessPmcClient.Create(new Uri(baseUrl, "api/"), args[2]);

var pass = await issuer.IssuePassAsync(new IssuePassRequest("Jeanne", "Dupont", PassKinds.Temporary, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1), ["PMC"]));
var y4m = FakeCamera.WriteY4m(await issuer.GetQrPngAsync(pass.Id), Directory.CreateTempSubdirectory().FullName);
var scanner = await admin.CreateClientAsync(new CreateClientRequest("bench", Roles.Scanner, null, ["PMC"]));

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={y4m}"],
});
var context = await browser.NewContextAsync(new() { ServiceWorkers = ServiceWorkerPolicy.Allow, ViewportSize = new() { Width = 412, Height = 860 } });

// First visit: everything the browser fetched from the server until the service worker controls the page.
var fetched = new List<IRequest>();
context.RequestFinished += (_, r) => fetched.Add(r);
var page = await context.NewPageAsync();
await page.GotoAsync(scanner.EnrolmentUrl!);
await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 60_000 });
await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
long body = 0, headers = 0, app = 0;
foreach (var request in fetched.ToList())
{
    var sizes = await request.SizesAsync();
    body += sizes.ResponseBodySize;
    headers += sizes.ResponseHeadersSize;
    app += request.Url.Contains("/api/", StringComparison.Ordinal) ? 0 : sizes.ResponseBodySize;
}

Console.WriteLine($"first visit: {fetched.Count} requests, {body:N0} body bytes ({app:N0} of them the app and decoder), {headers:N0} header bytes");
await page.Locator("#screen-scan").WaitForAsync(); // a scanner of one site goes straight to scanning
await page.CloseAsync();

async Task<double> TimeToVerdictAsync(string expectedMark)
{
    var p = await context.NewPageAsync();
    await p.GotoAsync(new Uri(baseUrl, "scanner/").AbsoluteUri);
    await p.WaitForFunctionAsync("() => performance.getEntriesByName('scanner:verdict-shown').length > 0", null, new() { Timeout = 30_000 });
    var ms = await p.EvaluateAsync<double>("() => performance.getEntriesByName('scanner:verdict-shown')[0].startTime - performance.getEntriesByName('scanner:first-frame')[0].startTime");
    var offline = await p.Locator("#verdict-offline").IsVisibleAsync();
    if (offline != (expectedMark == "offline") || await p.Locator("#verdict").GetAttributeAsync("data-result") != "valid")
    {
        throw new InvalidOperationException($"expected a valid {expectedMark} verdict");
    }

    await p.CloseAsync();
    return ms;
}

static string Summary(List<double> times)
{
    times.Sort();
    double At(double q) => times[(int)Math.Round(q * (times.Count - 1))];
    return $"median {At(0.5):F0} ms, p90 {At(0.9):F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms ({times.Count} runs)";
}

var online = new List<double>();
for (var i = 0; i < runs; i++)
{
    online.Add(await TimeToVerdictAsync("online"));
}

await context.RouteAsync("**/api/**", route => route.AbortAsync());
var offlineTimes = new List<double>();
for (var i = 0; i < runs; i++)
{
    offlineTimes.Add(await TimeToVerdictAsync("offline"));
}

Console.WriteLine($"first camera frame to verdict on screen, online:  {Summary(online)}");
Console.WriteLine($"first camera frame to verdict on screen, offline: {Summary(offlineTimes)}");
