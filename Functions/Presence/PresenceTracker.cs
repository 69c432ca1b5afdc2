using System.Security.Cryptography;
using AccessPmc.Contracts;
using AccessPmc.Functions.Clients;
using AccessPmc.Functions.Statistics;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Presence;

/// <summary>A scan's effect on presence, the snapshot it was decided on (as written when it was), and whether this call wrote it.</summary>
public sealed record PresenceResult(PresenceOutcome Outcome, PresenceSnapshot Snapshot, bool Written = false);

/// <summary>
/// Entries and exits at a site: reads the pass's presence row and the site's counter, applies
/// <see cref="PresenceRules"/> and writes both in one transaction (<see cref="PresenceStore.ChangeAsync"/>).
/// </summary>
public sealed class PresenceTracker(PresenceStore store, ClientStore clients, StatsRecorder stats, IOptions<AccessPmcOptions> options, TimeProvider time)
{
    private readonly SiteLanes lanes = new();

    /// <summary>Whether <paramref name="code"/> is in the catalogue (passes may name sites removed since).</summary>
    public bool Known(string code) => options.Value.FindSite(code) is not null;

    public SiteOptions Site(string code) =>
        options.Value.FindSite(code) ?? throw new InvalidOperationException($"Site {code} is not in the catalogue.");

    /// <summary>The pass's row and the site's counter; a site never entered gets a fresh counter, last reset at its last due reset.</summary>
    public Task<PresenceSnapshot> ReadAsync(string site, string passId, CancellationToken ct) =>
        store.ReadAsync(site, passId, () => NewCounter(site), ct);

    /// <summary>
    /// Applies a scan: an entry or exit at <paramref name="at"/> (now online, the scan's time offline), identified by
    /// <paramref name="scan"/> (a fresh id online, the scan's id offline). Online entries may be refused (<see cref="PresenceRules.Enter"/>).
    /// </summary>
    public async Task<PresenceResult> ApplyAsync(
        string direction, string site, string passId, string scanner, DateTimeOffset at, string? scan, PresenceSnapshot? first, CancellationToken ct)
    {
        var options = Site(site);
        var offline = scan is not null;
        var id = scan ?? NewScanId();
        var outcome = PresenceOutcome.Unchanged;
        PresenceWrite? Decide(PresenceSnapshot s)
        {
            var decision = direction == Directions.Exit
                ? PresenceRules.Exit(s, scanner, id, at, offline)
                : PresenceRules.Enter(s, options, scanner, id, at, offline);
            outcome = decision.Outcome;
            return decision.Write;
        }

        var (snapshot, written) = await lanes.For(site).RunAsync(
            first ?? await ReadAsync(site, passId, ct),
            start => store.ChangeAsync(start, Decide, () => NewCounter(site), ct),
            ct);
        if (written)
        {
            Sample(snapshot.Counter);
        }

        return new PresenceResult(outcome, snapshot, written);
    }

    /// <summary>
    /// What the agent sees: occupancy after the scan and capacity; for an entry of a pass already inside, when
    /// and through which scanner (client name, or id for a configured client) it entered.
    /// </summary>
    public async Task<PresenceState> StateAsync(PresenceResult result, CancellationToken ct)
    {
        var (row, counter) = (result.Snapshot.Row, result.Snapshot.Counter);
        var capacity = Site(counter.PartitionKey).Capacity;
        if (result.Outcome != PresenceOutcome.AlreadyInside)
        {
            return new PresenceState(counter.Count, capacity);
        }

        var through = row.EnteredThrough ?? "";
        return new PresenceState(counter.Count, capacity, row.EnteredAt, await clients.NameOfAsync(through, ct) ?? through);
    }

    /// <summary>Removes the pass's rows at <paramref name="sites"/>, counting it out where it was inside (holder erasure).</summary>
    public async Task ForgetAsync(string passId, IEnumerable<string> sites, CancellationToken ct)
    {
        foreach (var site in sites.Where(Known))
        {
            var (state, written) = await store.ChangeAsync(await ReadAsync(site, passId, ct), PresenceRules.Forget, () => NewCounter(site), ct);
            if (written)
            {
                Sample(state.Counter);
            }
        }
    }

    /// <summary>The count a change left, for the occupancy statistics (peak and last per bucket).</summary>
    public void Sample(OccupancyEntity counter) =>
        stats.Occupancy(counter.PartitionKey, new OccupancySample(time.GetUtcNow(), counter.Count, Site(counter.PartitionKey).Capacity));

    public OccupancyEntity NewCounter(string site) =>
        new() { PartitionKey = site, LastResetAt = DailyResets.LastDue(Site(site), time.GetUtcNow()) };

    private static string NewScanId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
