using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;

namespace AccessPmc.Functions.Http;

/// <summary>
/// A time in a query string (<c>GET /api/stats</c>, <c>GET /api/anomalies</c>): read as in bodies
/// (<see cref="OffsetTimeConverter.TryParse"/>: ISO 8601 with an explicit offset, <c>Z</c> or <c>±hh:mm</c>;
/// without one it would depend on the server's zone), within the service's dates
/// (<see cref="PassRules.EarliestDate"/> to <see cref="PassRules.LatestDate"/>). Errors: 400 <c>invalid_date</c>,
/// <c>date_out_of_range</c>, naming the parameter.
/// </summary>
public static class QueryTime
{
    /// <summary>The time, null when <paramref name="text"/> is null (the caller's default applies), or the violation.</summary>
    public static Checked<DateTimeOffset?> Parse(string? text, string field)
    {
        if (text is null)
        {
            return new Checked<DateTimeOffset?>(null, null);
        }

        if (!OffsetTimeConverter.TryParse(text, out var value))
        {
            // A '+' sent as is arrives as a space (form encoding): say so, it is the usual cause.
            var hint = text.Contains(' ', StringComparison.Ordinal) ? " Send a '+' offset as %2B." : "";
            return Violation.Invalid(ErrorCodes.InvalidDate, field, $"An ISO 8601 time with its offset, e.g. 2026-03-16T08:00:00Z or 2026-03-16T09:00:00%2B01:00.{hint}");
        }

        return value < PassRules.EarliestDate || value > PassRules.LatestDate
            ? PassRules.DateOutOfRange(field)
            : new Checked<DateTimeOffset?>(value, null);
    }
}
