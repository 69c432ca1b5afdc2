using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Presence;
using AccessPmc.Functions.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Infrastructure;

/// <summary>Presence through the functions, called directly: verify with a direction, roll-call, anomalies.</summary>
public static class PresenceCalls
{
    /// <summary>A second scanner of PMC and JUSSIEU (another gate), for settings that need two.</summary>
    public const string OtherScannerKey = "test-scanner2-key-0123456789abcdef0123456";

    public static Dictionary<string, string?> WithOtherScanner(Dictionary<string, string?>? settings = null)
    {
        var all = settings ?? [];
        all["Auth:Clients:4:Id"] = "scanner-pmc-2";
        all["Auth:Clients:4:Role"] = Roles.Scanner;
        all["Auth:Clients:4:Key"] = OtherScannerKey;
        all["Auth:Clients:4:Sites:0"] = "PMC";
        all["Auth:Clients:4:Sites:1"] = "JUSSIEU";
        return all;
    }

    /// <summary>Another instance of the service over the same tables as <paramref name="first"/> (dispose its <see cref="TestApp.Services"/> only: the tables are <paramref name="first"/>'s).</summary>
    public static Task<TestApp> SecondInstanceAsync(AzuriteFixture azurite, TestApp first, Dictionary<string, string?> settings) =>
        TestApp.StartAsync(azurite, "second", new Dictionary<string, string?>(settings) { ["Storage:TablePrefix"] = first.Tables.Presence.Name[..^"Presence".Length] });

    public static async Task<Reply> ScanReplyAsync(this TestApp app, string? code, string site, string? direction, string key = TestApp.ScannerKey)
    {
        var req = app.Request("POST", "/api/verify", new VerifyRequest(code, site, direction), key);
        return await TestApp.ExecuteAsync(req, await app.Function<VerifyFunction>().Run(req, default));
    }

    public static async Task<VerifyResponse> ScanAsync(this TestApp app, string? code, string site, string? direction, string key = TestApp.ScannerKey)
    {
        var reply = await app.ScanReplyAsync(code, site, direction, key);
        Assert.True(reply.Status == 200, reply.Body);
        return reply.Json<VerifyResponse>();
    }

    public static Task<VerifyResponse> EnterAsync(this TestApp app, string code, string site = "PMC", string key = TestApp.ScannerKey) =>
        app.ScanAsync(code, site, Directions.Entry, key);

    public static Task<VerifyResponse> ExitAsync(this TestApp app, string code, string site = "PMC", string key = TestApp.ScannerKey) =>
        app.ScanAsync(code, site, Directions.Exit, key);

    public static Task<Reply> RollCallAsync(this TestApp app, string site, string? key = TestApp.AdminKey, string query = "") =>
        app.CallAsync<RollCallFunction>("GET", $"/api/sites/{site}/presence{query}", null, key, async (f, r) => (await f.Run(r, site, default)).Result);

    public static Task<Reply> AnomaliesAsync(this TestApp app, string query = "", string? key = TestApp.AdminKey) =>
        app.CallAsync<AnomaliesFunction>("GET", "/api/anomalies" + query, null, key, async (f, r) => (await f.Run(r, default)).Result);

    /// <summary>Every anomaly of the last <paramref name="days"/> days before the app's clock, after the watch has handled what it was given.</summary>
    public static async Task<IReadOnlyList<Anomaly>> RecordedAnomaliesAsync(this TestApp app, int days = 31)
    {
        await app.Services.GetRequiredService<AnomalyWatch>().FlushAsync();
        var to = app.Clock.GetUtcNow().AddMinutes(1);
        var reply = await app.AnomaliesAsync($"?from={Uri.EscapeDataString(to.AddDays(-days).ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}");
        Assert.True(reply.Status == 200, reply.Body);
        var page = reply.Json<AnomalyPage>();
        Assert.Null(page.Next);
        return page.Items;
    }

    /// <summary>Stores <paramref name="count"/> valid passes at once (no HTTP), returning their codes and ids.</summary>
    public static async Task<IReadOnlyList<PassEntity>> StoredPassesAsync(this TestApp app, int count, params string[] sites)
    {
        var issuer = app.Services.GetRequiredService<PassIssuer>();
        var passes = Enumerable.Range(0, count)
            .Select(i => issuer.Build(
                new PassDraft("Ada", $"Person{i:D3}", PassKinds.Temporary, TestApp.Start, TestApp.Start.AddDays(5), sites.Length == 0 ? ["PMC"] : sites, "PHYS", $"A. PERSON{i:D3}"),
                PassIssuer.NewId(),
                "issuer-phys",
                TestApp.Start))
            .ToList();
        return await app.Services.GetRequiredService<PassStore>().InsertAsync(passes, default);
    }

    public static async Task<OccupancyEntity> CounterAsync(this TestApp app, string site = "PMC") =>
        await app.Services.GetRequiredService<PresenceStore>().CounterAsync(site, default) ?? throw new InvalidOperationException("No counter.");

    public static async Task<int> RowsInsideAsync(this TestApp app, string site = "PMC")
    {
        var counter = await app.CounterAsync(site);
        var rows = await app.Tables.Presence.QueryAsync<PresenceEntity>(r => r.PartitionKey == site && r.RowKey != OccupancyEntity.Key).ToListAsync();
        return rows.Count(r => r.IsInside(counter));
    }
}
