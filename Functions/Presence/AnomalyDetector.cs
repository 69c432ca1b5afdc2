using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Presence;

/// <summary>The anomaly rules that need storage: an entry compared with the pass's rows at its other sites.</summary>
public sealed class AnomalyDetector(PresenceTracker tracker, IOptions<AccessPmcOptions> catalogue, IOptions<PresenceOptions> options)
{
    /// <summary>
    /// For an entry at the source's site, the pass's other catalogue sites (<paramref name="passSites"/>) that make
    /// it <c>inside_two_sites</c> or <c>travel_too_fast</c>: two point reads per other site, in parallel.
    /// </summary>
    public async Task<IReadOnlyList<AnomalyEntity>> CrossSiteAsync(AnomalyRules.Source source, string passId, IEnumerable<string> passSites, CancellationToken ct)
    {
        var others = passSites
            .Where(s => !string.Equals(s, source.Site, StringComparison.OrdinalIgnoreCase) && catalogue.Value.FindSite(s) is not null)
            .Select(s => tracker.ReadAsync(catalogue.Value.FindSite(s)!.Code, passId, ct))
            .ToList();
        var found = new List<AnomalyEntity>();
        foreach (var other in await Task.WhenAll(others))
        {
            if (!other.Row.IsNew && !other.Counter.IsNew
                && AnomalyRules.CrossSite(source, other.Row, other.Counter, options.Value.TravelTime) is { } anomaly)
            {
                found.Add(anomaly);
            }
        }

        return found;
    }
}
