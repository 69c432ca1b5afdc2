using System.Globalization;
using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace AccessPmc.Functions.Presence;

/// <summary>
/// The parameters of <c>GET /api/anomalies</c>: <c>site</c> (optional, a catalogue code), <c>from</c> and <c>to</c>
/// (<see cref="QueryTime"/>; <c>from</c> included, <c>to</c> excluded; default the 24 hours up to now included; at most
/// <see cref="MaxRange"/> apart, from before to, else 400 <c>invalid_range</c>),
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

        var toTime = QueryTime.Parse(Text("to"), "to");
        var fromTime = QueryTime.Parse(Text("from"), "from");
        if ((toTime.Violation ?? fromTime.Violation) is { } bad)
        {
            return bad;
        }

        // By default up to and including now (to the next whole second: storage may compare at millisecond precision).
        var to = toTime.Value ?? new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(1);
        var from = fromTime.Value ?? to - TimeSpan.FromDays(1);
        if (from >= to || to - from > MaxRange)
        {
            return Violation.Invalid(ErrorCodes.InvalidRange, "from", $"'from' before 'to', at most {MaxRange.TotalDays:F0} days apart.");
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
}
