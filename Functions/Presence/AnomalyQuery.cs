using System.Globalization;
using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;
using Microsoft.AspNetCore.Http;

namespace AccessPmc.Functions.Presence;

/// <summary>
/// The parameters of <c>GET /api/anomalies</c>: <c>site</c> (optional, a catalogue code), <c>from</c> and <c>to</c>
/// (ISO 8601 with an offset; <c>from</c> included, <c>to</c> excluded; default the 24 hours up to now included; at most
/// <see cref="MaxRange"/> apart, from before to; between 2000-01-01 and 2100-01-01, else <c>date_out_of_range</c>),
/// <c>pageSize</c> (1 to the configured maximum) and <c>next</c> (the previous page's cursor; anything else is 400 <c>invalid_cursor</c>).
/// </summary>
public sealed record AnomalyQuery(string? Site, DateTimeOffset From, DateTimeOffset To, int PageSize, string? Next)
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);

    public static Checked<AnomalyQuery> Parse(IQueryCollection query, AccessPmcOptions options, DateTimeOffset now)
    {
        string? Text(string name) => query[name].FirstOrDefault() is { Length: > 0 } v ? v : null;

        string? site = null;
        if (Text("site") is { } code)
        {
            site = options.FindSite(code)?.Code;
            if (site is null)
            {
                return Violation.Invalid(ErrorCodes.UnknownSite, "site", "A site code from the catalogue, or none for every site.");
            }
        }

        // By default up to and including now (to the next whole second: storage may compare at millisecond precision).
        if (!Time(Text("to"), new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(1), out var to))
        {
            return Violation.Invalid(ErrorCodes.ValidationFailed, "to", "An ISO 8601 time with its offset, e.g. 2026-03-16T18:00:00Z.");
        }

        // Before any arithmetic: the default 'from' is a day before 'to', which does not exist before 0001-01-02.
        if (Outside(to))
        {
            return PassRules.DateOutOfRange("to");
        }

        if (!Time(Text("from"), to - TimeSpan.FromDays(1), out var from))
        {
            return Violation.Invalid(ErrorCodes.ValidationFailed, "from", "An ISO 8601 time with its offset, e.g. 2026-03-16T08:00:00Z.");
        }

        if (Outside(from))
        {
            return PassRules.DateOutOfRange("from");
        }

        if (from >= to || to - from > MaxRange)
        {
            return Violation.Invalid(ErrorCodes.ValidationFailed, "from", $"Before 'to', and at most {MaxRange.TotalDays:F0} days before it.");
        }

        var size = options.MaxPageSize;
        if (Text("pageSize") is { } s && (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > options.MaxPageSize))
        {
            return Violation.Invalid(ErrorCodes.ValidationFailed, "pageSize", $"1 to {options.MaxPageSize}.");
        }

        if (Text("next") is { } next && !AnomalyStore.IsCursor(next))
        {
            // A bad cursor must not read as "end of list" (the same rule as every paged listing).
            return Violation.Invalid(ErrorCodes.InvalidCursor, "next", "Pass back the 'next' of the previous page, as it was.");
        }

        return new AnomalyQuery(site, from.ToUniversalTime(), to.ToUniversalTime(), size, Text("next"));
    }

    /// <summary>The dates a pass may carry, as for statistics: no anomaly lies outside them.</summary>
    private static bool Outside(DateTimeOffset t) => t < PassRules.EarliestDate || t > PassRules.LatestDate;

    /// <summary>An explicit offset is required: a time without one would depend on the server's zone.</summary>
    private static bool Time(string? text, DateTimeOffset fallback, out DateTimeOffset value)
    {
        value = fallback;
        if (text is null)
        {
            return true;
        }

        var t = text.IndexOf('T', StringComparison.Ordinal);
        return t > 0
            && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > t)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
