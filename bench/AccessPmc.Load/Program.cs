using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AccessPmc.Contracts;
using AccessPmc.Load;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

// bench/load/run.sh drives this: one process plays the load, another (the "kestrel" verb) the plain
// Kestrel baseline, SelfHost and Azurite run beside them on loopback.
if (args is ["kestrel", var port])
{
    var web = WebApplication.CreateSlimBuilder();
    web.Logging.ClearProviders();
    web.WebHost.UseUrls($"http://127.0.0.1:{port}");
    var kestrel = web.Build();
    kestrel.MapPost("/api/verify", async (HttpRequest r) =>
    {
        await r.Body.CopyToAsync(Stream.Null);
        return Results.Text("""{"result":"valid"}""", "application/json");
    });
    await kestrel.RunAsync();
    return;
}

if (args is ["stats", var statsConnection])
{
    Console.Write(await StatsCost.RunAsync(statsConnection));
    return;
}

if (args is ["probe", var probeConnection])
{
    Console.WriteLine(await InProcessProbe.RunAsync(probeConnection, 32, TimeSpan.FromSeconds(10)));
    return;
}

var options = args.Chunk(2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
var url = new Uri(options["url"].TrimEnd('/') + "/api/");
var kestrelUrl = new Uri(options["kestrel"].TrimEnd('/') + "/api/verify");
var connection = options["conn"];
var seconds = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("seconds", "10"), CultureInfo.InvariantCulture));
var workers = int.Parse(options.GetValueOrDefault("workers", "32"), CultureInfo.InvariantCulture);
var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
var issuer = new AccessPmcClient(new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(5) }, options["issuer-key"]);
var phases = options.GetValueOrDefault("phases", "storage,kestrel,verify,entry,issue,bulk,expiry").Split(',');
var report = new List<(string Name, string Value)>();
void Report(string name, string value)
{
    report.Add((name, value));
    Console.WriteLine($"{name}: {value}");
}

var service = new TableServiceClient(connection);
double rawReads = double.NaN, rawBatch = double.NaN, plainRate = double.NaN, verifyRate = double.NaN;
if (phases.Contains("storage"))
{
    rawReads = await StorageLoad.PointReadsPerSecondAsync(service, workers, seconds);
    Report("Azurite raw point reads/s", $"{rawReads:F0}");
    rawBatch = await StorageLoad.BatchInsertsPerSecondAsync(service, 40_000);
    Report("Azurite raw batch inserts (entities/s)", $"{rawBatch:F0}");
}

var pass = await issuer.IssuePassAsync(new IssuePassRequest("Bench", "Mark", PassKinds.LongTerm, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(300), ["PMC"]));
var verifyBody = JsonSerializer.SerializeToUtf8Bytes(new VerifyRequest(pass.Code, "PMC"), AccessPmcJson.Default.VerifyRequest);
HttpRequestMessage Post(Uri target, byte[] body, string key)
{
    var message = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
    message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
    return message;
}

var verify = new HttpLoad(http, () => Post(new Uri(url, "verify"), verifyBody, options["scanner-key"]));
if (phases.Contains("verify"))
{
    await verify.ClosedAsync(8, TimeSpan.FromSeconds(2));
    var saturation = await verify.ClosedAsync(workers, seconds);
    Report("HTTP verify at saturation (req/s)", $"{saturation.PerSecond:F0} (p50 {saturation.P50Ms:F1} ms, p99 {saturation.P99Ms:F1} ms, errors {saturation.Errors})");
    Report("HTTP verify / Azurite raw point reads", $"{saturation.PerSecond / rawReads:F2}");
verifyRate = saturation.PerSecond;
    foreach (var share in new[] { 0.25, 0.5, 1.0 })
    {
        var r = await verify.OpenAsync(saturation.PerSecond * share, seconds);
        Report($"HTTP verify open loop at {share:P0} of saturation", $"{r.PerSecond:F0} req/s, p50 {r.P50Ms:F1} ms, p99 {r.P99Ms:F1} ms, errors {r.Errors}");
    }
}

if (phases.Contains("entry"))
{
    var scanner = new AccessPmcClient(new HttpClient { BaseAddress = url }, options["scanner-key"]);
    var entries = new EntryLoad(http, url, options["scanner-key"], await EntryLoad.PoolAsync(issuer, 3000));
    await entries.Load.ClosedAsync(8, TimeSpan.FromSeconds(2));
    foreach (var n in new[] { workers, 8 })
    {
        var r = await entries.Load.ClosedAsync(n, seconds);
        Report($"HTTP verify entry/exit at saturation, {n} workers (req/s)", $"{r.PerSecond:F0} (p50 {r.P50Ms:F1} ms, p99 {r.P99Ms:F1} ms, errors {r.Errors})");
        if (n == workers)
        {
            Report("HTTP verify entry / check (same workers)", $"{r.PerSecond / verifyRate:F2}");
        }
    }

    var occupancy = (await scanner.GetSitePresenceAsync("PMC")).Occupancy;
    Report("PMC occupancy after the entry phase (expected: entries − exits sent)", $"{occupancy} (expected {entries.ExpectedOccupancy})");
}

if (phases.Contains("issue"))
{
    var issueBody = JsonSerializer.SerializeToUtf8Bytes(new IssuePassRequest("Ada", "Lovelace", PassKinds.Temporary, null, null, ["PMC", "JUSSIEU"]), AccessPmcJson.Default.IssuePassRequest);
    var issue = await new HttpLoad(http, () => Post(new Uri(url, "passes"), issueBody, options["issuer-key"])).ClosedAsync(16, seconds);
    Report("HTTP issue (passes/s)", $"{issue.PerSecond:F0} (p50 {issue.P50Ms:F1} ms, p99 {issue.P99Ms:F1} ms, errors {issue.Errors})");
}

if (phases.Contains("bulk"))
{

    var clock = Stopwatch.StartNew();
    var batches = await Task.WhenAll(Enumerable.Range(0, 10).Chunk(BatchesPerSender).Select(async pair =>
    {
        var created = 0;
        foreach (var b in pair)
        {
            var items = Enumerable.Range(0, 1000).Select(i => new BatchIssueItem("Staff", $"N{b}-{i}", PassKinds.LongTerm, null, DateTimeOffset.UtcNow.AddDays(200), ["PMC", "JUSSIEU"])).ToList();
            created += (await issuer.IssueBatchAsync(new BatchIssueRequest(items))).Created;
        }

        return created;
    }));
    var bulk = clock.Elapsed;
    Report($"Bulk issue of 10,000 passes (10 batches of 1,000, {10 / BatchesPerSender} at a time)", $"{bulk.TotalSeconds:F2} s, {batches.Sum()} created, {10_000 / bulk.TotalSeconds:F0} passes/s");
    Report("Bulk: storage floor at the raw batch rate (40,000 entity writes)", $"{40_000 / rawBatch:F2} s, ratio {40_000 / rawBatch / bulk.TotalSeconds:F2}");
}

// Last before expiry: a 20,000 req/s blast right before the verify phase was seen to slow it down.
if (phases.Contains("kestrel"))
{
    var plain = await new HttpLoad(http, () => Post(kestrelUrl, verifyBody, "x")).ClosedAsync(workers, seconds);
    plainRate = plain.PerSecond;
    Report("Plain Kestrel POST req/s (same body, same client)", $"{plain.PerSecond:F0} (p50 {plain.P50Ms:F1} ms, p99 {plain.P99Ms:F1} ms)");
    Report("HTTP verify / plain Kestrel", $"{verifyRate / plainRate:F2}");
}

if (phases.Contains("expiry") && options.GetValueOrDefault("expiry", "true") == "true")
{
    var expiry = await ExpiryLoad.RunAsync(connection, total: 100_000, due: 1_000);
    Report("Expiry run over 100,000 stored passes, 1,000 due", $"{expiry.Elapsed.TotalSeconds:F2} s, {expiry.Expired} expired, {expiry.EntitiesRead} entities read ({(double)expiry.EntitiesRead / expiry.Due:F2}× due); seeding took {expiry.Seeding.TotalSeconds:F0} s");
}

var md = new StringBuilder("| measure | result |\n|---|---|\n");
foreach (var (name, value) in report)
{
    md.Append(CultureInfo.InvariantCulture, $"| {name} | {value} |\n");
}

File.WriteAllText(options.GetValueOrDefault("out", "bench/load/last-run.md"), md.ToString());

internal static partial class Program
{
    /// <summary>Each sender posts this many batches one after another; the senders run side by side.</summary>
    private const int BatchesPerSender = 2;
}
