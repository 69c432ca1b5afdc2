using System.Globalization;
using System.Text.RegularExpressions;
using AccessPmc.Contracts;

namespace AccessPmc.Functions.Passes;

/// <summary>
/// A CSV date field as an instant (docs/bulk-issuance.md): ISO 8601 with or without an offset, or a date alone
/// (the start of that day for validFrom, its end for validUntil); day-first dates only when the caller says so.
/// A time without an offset is the local time of the row's first site. A date that cannot be read fails its row
/// (<c>invalid_date</c>); one far outside the dates a pass may carry fails it with <c>date_out_of_range</c>.
/// </summary>
public static partial class CsvDates
{
    private static readonly string[] IsoLocal = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm"];
    private static readonly string[] IsoOffset = [.. IsoLocal.Select(f => f + "zzz")];
    private static readonly string[] DayFirst = ["d/M/yyyy H:mm:ss", "d/M/yyyy H:mm", "d.M.yyyy H:mm:ss", "d.M.yyyy H:mm", "d-M-yyyy H:mm:ss", "d-M-yyyy H:mm"];
    private static readonly string[] DayFirstDate = ["d/M/yyyy", "d.M.yyyy", "d-M-yyyy"];

    public static Checked<DateTimeOffset?> Read(string? value, string column, TimeZoneInfo zone, CsvBatch.DateOrder order, bool endOfDay)
    {
        if (value is null)
        {
            return new Checked<DateTimeOffset?>(null, null);
        }

        var c = CultureInfo.InvariantCulture;
        if (DateTimeOffset.TryParseExact(value.Replace("Z", "+00:00", StringComparison.Ordinal), IsoOffset, c, DateTimeStyles.None, out var exact))
        {
            return exact;
        }

        // 9999-12-31T23:00-05:00 is well formed but its instant is past DateTimeOffset's range, so the parse above fails:
        // say the date is out of range rather than "not a date".
        if (WithOffset().Match(value) is { Success: true } written
            && DateTime.TryParseExact(written.Groups["local"].Value, IsoLocal, c, DateTimeStyles.None, out var beyond) && FarOutside(beyond))
        {
            return PassRules.DateOutOfRange(column);
        }

        if (DateTime.TryParseExact(value, IsoLocal, c, DateTimeStyles.None, out var local)
            || (order == CsvBatch.DateOrder.DayFirst && DateTime.TryParseExact(value, DayFirst, c, DateTimeStyles.None, out local)))
        {
            return FarOutside(local) ? PassRules.DateOutOfRange(column) : InZone(local, zone);
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", c, DateTimeStyles.None, out var day)
            || (order == CsvBatch.DateOrder.DayFirst && DateOnly.TryParseExact(value, DayFirstDate, c, DateTimeStyles.None, out day)))
        {
            if (FarOutside(day.ToDateTime(TimeOnly.MinValue)))
            {
                return PassRules.DateOutOfRange(column);
            }

            var start = InZone(day.ToDateTime(TimeOnly.MinValue), zone);
            return endOfDay ? InZone(day.ToDateTime(TimeOnly.MaxValue), zone).AddTicks(-(TimeSpan.TicksPerSecond - 1)) : start;
        }

        return Violation.Invalid(ErrorCodes.InvalidDate, column, Advice(value, order));
    }

    /// <summary>
    /// A local time placed in a zone must stay within DateTimeOffset's range: 0001-01-01T00:00 in Paris is in year 0
    /// in UTC, and the constructor throws. Two days either side of the pass range (offsets are at most 14 hours)
    /// leave every time that could be valid to <see cref="PassRules"/>, which checks the exact bounds on the instant.
    /// </summary>
    private static bool FarOutside(DateTime local) =>
        local < PassRules.EarliestDate.UtcDateTime.AddDays(-2) || local > PassRules.LatestDate.UtcDateTime.AddDays(2);

    /// <summary>What to write instead: the same date in ISO 8601 when the value reads day first, else the format.</summary>
    private static string Advice(string value, CsvBatch.DateOrder order)
    {
        var c = CultureInfo.InvariantCulture;
        if (order == CsvBatch.DateOrder.Iso && DayFirstShape().IsMatch(value))
        {
            var iso = DateTime.TryParseExact(value, DayFirst, c, DateTimeStyles.None, out var time) ? time.ToString("yyyy-MM-dd'T'HH:mm", c)
                : DateOnly.TryParseExact(value, DayFirstDate, c, DateTimeStyles.None, out var day) ? day.ToString("yyyy-MM-dd", c)
                : null;
            return iso is null
                ? $"'{CsvBatch.Shorten(value)}' is not a date: write it in ISO 8601, e.g. 2027-02-01T08:00."
                : $"'{CsvBatch.Shorten(value)}' is written day first: write {iso}, or send the file with ?dates=day-first.";
        }

        return $"'{CsvBatch.Shorten(value)}' is not an ISO 8601 date such as 2027-02-01T08:00 or 2027-02-01T08:00:00+01:00.";
    }

    /// <summary>A wall-clock time in a zone; a time skipped by daylight saving moves an hour on, a repeated one takes the first.</summary>
    private static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(zone.IsInvalidTime(local) ? local.AddHours(1) : local, DateTimeKind.Unspecified);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    [GeneratedRegex(@"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")]
    private static partial Regex DayFirstShape();

    [GeneratedRegex(@"^(?<local>.+?)(?:Z|[+-]\d{2}:\d{2})\z")]
    private static partial Regex WithOffset();
}
