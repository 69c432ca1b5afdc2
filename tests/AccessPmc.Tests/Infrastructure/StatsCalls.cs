using AccessPmc.Contracts;
using AccessPmc.Functions.Scanner;
using AccessPmc.Functions.Statistics;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Infrastructure;

/// <summary>Statistics through <c>GET /api/stats</c>, called directly, after the recorder has written what it counted.</summary>
public static class StatsCalls
{
    public static Task FlushStatsAsync(this TestApp app) => app.Services.GetRequiredService<StatsRecorder>().FlushAsync();

    public static Task<Reply> StatsReplyAsync(this TestApp app, string query = "", string? key = TestApp.AdminKey) =>
        app.CallAsync<StatsFunction>("GET", "/api/stats" + query, null, key, async (f, r) => (await f.Run(r, default)).Result);

    public static string Query(DateTimeOffset from, DateTimeOffset to, string granularity = Granularities.Hour, string? site = null, string? unit = null) =>
        $"?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}&granularity={granularity}"
        + (site is null ? "" : "&site=" + site) + (unit is null ? "" : "&unit=" + unit);

    /// <summary>The stats of [<paramref name="from"/>, <paramref name="to"/>) once everything counted so far is stored.</summary>
    public static async Task<StatsResponse> StatsAsync(
        this TestApp app, DateTimeOffset from, DateTimeOffset to, string granularity = Granularities.Hour, string? site = null, string? unit = null, string key = TestApp.AdminKey)
    {
        await app.FlushStatsAsync();
        var reply = await app.StatsReplyAsync(Query(from, to, granularity, site, unit), key);
        Assert.True(reply.Status == 200, reply.Body);
        return reply.Json<StatsResponse>();
    }

    public static async Task<Reply> UploadScansAsync(this TestApp app, IReadOnlyList<OfflineScan> scans, string key = TestApp.ScannerKey)
    {
        var reply = await app.CallAsync<ScanUploadFunction>("POST", "/api/scans", new ScanUploadRequest(scans), key, async (f, r) => (await f.Run(r, default)).Result);
        Assert.True(reply.Status == 200, reply.Body);
        return reply;
    }

    /// <summary>A bucket's scans in one comparable line: valid, invalid, offline, reasons and directions sorted.</summary>
    public static string Line(this ScanBucket b) =>
        $"{b.Site} {b.Start:yyyy-MM-dd'T'HH} valid {b.Valid} invalid {b.Invalid} offline {b.Offline} reasons [{Pairs(b.Reasons)}] directions [{Pairs(b.Directions)}]";

    public static string Line(this PassBucket b) => $"{b.Unit} {b.Kind} {b.Start:yyyy-MM-dd'T'HH} issued {b.Issued} revoked {b.Revoked} expired {b.Expired}";

    public static string Line(this OccupancyBucket b) => $"{b.Site} {b.Start:yyyy-MM-dd'T'HH} peak {b.Peak} last {b.Last} capacity {b.Capacity?.ToString() ?? "none"}";

    private static string Pairs(IReadOnlyDictionary<string, int> counts) =>
        string.Join(' ', counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
