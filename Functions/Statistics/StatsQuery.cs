using System.Globalization;
using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;

namespace AccessPmc.Functions.Statistics;

/// <summary>
/// The parameters of <c>GET /api/stats</c>, checked against the caller's scope. <see cref="From"/> and <see cref="To"/>
/// are bucket boundaries (UTC); <see cref="Sites"/> the sites whose scans and occupancy are read; <see cref="Units"/>
/// the units whose passes are read, or null for every unit ever counted.
/// </summary>
public sealed record StatsQuery(DateTimeOffset From, DateTimeOffset To, string Granularity, IReadOnlyList<string> Sites, IReadOnlyList<string>? Units)
{
    /// <summary>Hour buckets over at most 31 days (744 rows a series).</summary>
    public static readonly TimeSpan MaxHourRange = TimeSpan.FromDays(31);

    /// <summary>Day buckets over at most 366 days.</summary>
    public static readonly TimeSpan MaxDayRange = TimeSpan.FromDays(366);

    /// <summary>
    /// <c>granularity</c> <c>hour</c> (default) or <c>day</c>; <c>from</c> (included) and <c>to</c> (excluded), ISO 8601
    /// with an offset, widened to whole buckets, by default the last 24 hours (hour) or 30 days (day) up to the
    /// current bucket included; <c>site</c> a catalogue site of the caller's scope; <c>unit</c> one of its units.
    /// Errors: 400 <c>unknown_granularity</c>, <c>invalid_date</c>, <c>date_out_of_range</c>, <c>invalid_range</c>,
    /// <c>unknown_site</c>, <c>unknown_unit</c> (a parameter given twice is refused by the <see cref="Http.RequestGate"/>); 403
    /// <c>site_not_allowed</c>, <c>forbidden</c> (another unit).
    /// </summary>
    public static Checked<StatsQuery> Parse(IQueryCollection query, ApiCaller caller, AccessPmcOptions options, DateTimeOffset now)
    {
        string? Text(string name) => query[name].FirstOrDefault() is { Length: > 0 } v ? v : null;
        var granularity = Text("granularity") ?? Granularities.Hour;
        if (granularity is not (Granularities.Hour or Granularities.Day))
        {
            return Violation.Invalid(ErrorCodes.UnknownGranularity, "granularity", "hour (the default) or day.");
        }

        var range = Range(Text("from"), Text("to"), granularity, now);
        if (range.Violation is not null)
        {
            return range.Violation;
        }

        var sites = SitesOf(Text("site"), caller, options);
        if (sites.Violation is not null)
        {
            return sites.Violation;
        }

        var units = UnitsOf(Text("unit"), caller);
        return units.Violation ?? (Checked<StatsQuery>)new StatsQuery(range.Value.From, range.Value.To, granularity, sites.Value!, units.Value);
    }

    private static Checked<(DateTimeOffset From, DateTimeOffset To)> Range(string? fromText, string? toText, string granularity, DateTimeOffset now)
    {
        var max = granularity == Granularities.Hour ? MaxHourRange : MaxDayRange;
        var toTime = QueryTime.Parse(toText, "to");
        var fromTime = QueryTime.Parse(fromText, "from");
        if ((toTime.Violation ?? fromTime.Violation) is { } bad)
        {
            return bad;
        }

        var (from, to) = (fromTime.Value, toTime.Value);
        var end = StatsKeys.Ceiling(granularity, to ?? StatsKeys.Floor(granularity, now) + StatsKeys.Size(granularity));
        var start = StatsKeys.Floor(granularity, from ?? end - (granularity == Granularities.Hour ? TimeSpan.FromDays(1) : TimeSpan.FromDays(30)));
        if (start >= end || end - start > max)
        {
            return Violation.Invalid(ErrorCodes.InvalidRange, "from", $"'from' before 'to', at most {max.TotalDays:F0} days apart for {granularity} buckets.");
        }

        return (start, end);
    }

    private static Checked<IReadOnlyList<string>> SitesOf(string? code, ApiCaller caller, AccessPmcOptions options)
    {
        if (code is null)
        {
            return options.Sites.Select(s => s.Code).Where(caller.MayUseSite).ToList();
        }

        if (options.FindSite(code) is not { } site)
        {
            return Violation.Invalid(ErrorCodes.UnknownSite, "site", "A site code from the catalogue, or none for every site of the caller.");
        }

        return caller.MayUseSite(site.Code)
            ? new[] { site.Code }
            : Violation.Forbidden(ErrorCodes.SiteNotAllowed, $"This client does not serve site {site.Code}.");
    }

    private static Checked<IReadOnlyList<string>?> UnitsOf(string? unit, ApiCaller caller)
    {
        if (unit is not null)
        {
            var one = PassRules.Unit(unit, caller);
            return one.Violation is not null ? one.Violation : new[] { one.Value! };
        }

        if (caller.IsAdmin || caller.Units.Contains(ApiCaller.Everything))
        {
            return new Checked<IReadOnlyList<string>?>(null, null);
        }

        return caller.Units.Select(u => u.ToUpperInvariant()).Distinct().ToList();
    }
}
