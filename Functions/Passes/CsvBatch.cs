using System.Globalization;
using System.Text.RegularExpressions;
using AccessPmc.Contracts;
using AccessPmc.Functions.Text;
using Microsoft.Extensions.Options;
using Sylvan.Data.Csv;

namespace AccessPmc.Functions.Passes;

/// <summary>A CSV row as a batch item, or the reason that row alone fails (a date that cannot be read).</summary>
public sealed record CsvRow(BatchIssueItem Item, Violation? Refusal);

/// <summary>
/// The CSV form of a batch (docs/bulk-issuance.md): a header row naming the columns givenName,
/// familyName, kind, validFrom, validUntil, sites (separated by ';' or ','), unit, idempotencyKey; the field
/// separator (',' or ';', as French spreadsheets write) is detected from the header row. A malformed
/// file or header fails the whole file (<c>invalid_csv</c>); a date that cannot be read fails its row
/// (<c>invalid_date</c>). Dates are ISO 8601; a time without an offset is the local time of the row's
/// first site, a date alone is the start of that day (validFrom) or its end (validUntil). Day-first
/// dates (31/01/2027 08:00) are read only when the caller says so (<see cref="DateOrder.DayFirst"/>).
/// </summary>
public sealed partial class CsvBatch(IOptions<AccessPmcOptions> options)
{
    public static readonly string[] Columns = ["givenName", "familyName", "kind", "validFrom", "validUntil", "sites", "unit", "idempotencyKey"];

    private static readonly string[] IsoLocal = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm"];
    private static readonly string[] IsoOffset = [.. IsoLocal.Select(f => f + "zzz")];
    private static readonly string[] DayFirst = ["d/M/yyyy H:mm:ss", "d/M/yyyy H:mm", "d.M.yyyy H:mm:ss", "d.M.yyyy H:mm", "d-M-yyyy H:mm:ss", "d-M-yyyy H:mm"];
    private static readonly string[] DayFirstDate = ["d/M/yyyy", "d.M.yyyy", "d-M-yyyy"];

    public enum DateOrder
    {
        /// <summary>ISO 8601 only; anything else fails its row.</summary>
        Iso,

        /// <summary>ISO 8601, or day/month/year as French spreadsheets write it.</summary>
        DayFirst,
    }

    public Checked<List<CsvRow>> Parse(string text, int maxItems, DateOrder order)
    {
        try
        {
            using var csv = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions { HeaderComparer = StringComparer.OrdinalIgnoreCase });
            var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToList();
            var unknown = header.Where(h => !Columns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
            if (header.Count == 0 || unknown.Count > 0)
            {
                return Invalid($"Unknown or missing header: {string.Join(", ", unknown)}. Columns: {string.Join(", ", Columns)}.");
            }

            var ordinals = Columns.Select(c => header.FindIndex(h => h.Equals(c, StringComparison.OrdinalIgnoreCase))).ToArray();
            string? Field(int column) => ordinals[column] is >= 0 and var i && i < csv.RowFieldCount && csv.GetString(i).Trim() is { Length: > 0 } v ? v : null;

            var rows = new List<CsvRow>();
            while (csv.Read())
            {
                if (Enumerable.Range(0, csv.RowFieldCount).All(i => csv.GetString(i).Trim().Length == 0))
                {
                    continue; // a blank line, as spreadsheets leave at the end
                }

                if (rows.Count == maxItems)
                {
                    return TooMany(maxItems);
                }

                rows.Add(Row(Field, order));
            }

            return rows;
        }
        catch (CsvFormatException e)
        {
            return Invalid("The CSV is not well formed: " + e.Message.Split('\n')[0]);
        }
    }

    public static Violation TooMany(int max) =>
        Violation.Invalid(ErrorCodes.TooManyItems, "passes", $"At most {max} passes per request.");

    private CsvRow Row(Func<int, string?> field, DateOrder order)
    {
        // Site codes hold neither ';' nor ',': either separates them, whichever the file's separator leaves free.
        var sites = field(5)?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var zone = sites is [var first, ..] && options.Value.FindSite(first) is { } site ? TimeZoneInfo.FindSystemTimeZoneById(site.TimeZone) : TimeZoneInfo.Utc;
        var from = Date(field(3), "validFrom", zone, order, endOfDay: false);
        var until = Date(field(4), "validUntil", zone, order, endOfDay: true);
        var item = new BatchIssueItem(field(0), field(1), field(2), from.Value, until.Value, sites, field(6), field(7));
        return new CsvRow(item, from.Violation ?? until.Violation);
    }

    private static Checked<DateTimeOffset?> Date(string? value, string column, TimeZoneInfo zone, DateOrder order, bool endOfDay)
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

        if (DateTime.TryParseExact(value, IsoLocal, c, DateTimeStyles.None, out var local)
            || (order == DateOrder.DayFirst && DateTime.TryParseExact(value, DayFirst, c, DateTimeStyles.None, out local)))
        {
            return InZone(local, zone);
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", c, DateTimeStyles.None, out var day)
            || (order == DateOrder.DayFirst && DateOnly.TryParseExact(value, DayFirstDate, c, DateTimeStyles.None, out day)))
        {
            var start = InZone(day.ToDateTime(TimeOnly.MinValue), zone);
            return endOfDay ? InZone(day.ToDateTime(TimeOnly.MaxValue), zone).AddTicks(-(TimeSpan.TicksPerSecond - 1)) : start;
        }

        return Violation.Invalid(ErrorCodes.InvalidDate, column, Advice(value, order));
    }

    /// <summary>What to write instead: the same date in ISO 8601 when the value reads day first, else the format.</summary>
    private static string Advice(string value, DateOrder order)
    {
        var c = CultureInfo.InvariantCulture;
        if (order == DateOrder.Iso && DayFirstShape().IsMatch(value))
        {
            var iso = DateTime.TryParseExact(value, DayFirst, c, DateTimeStyles.None, out var time) ? time.ToString("yyyy-MM-dd'T'HH:mm", c)
                : DateOnly.TryParseExact(value, DayFirstDate, c, DateTimeStyles.None, out var day) ? day.ToString("yyyy-MM-dd", c)
                : null;
            return iso is null
                ? $"'{Shorten(value)}' is not a date: write it in ISO 8601, e.g. 2027-02-01T08:00."
                : $"'{Shorten(value)}' is written day first: write {iso}, or send the file with ?dates=day-first.";
        }

        return $"'{Shorten(value)}' is not an ISO 8601 date such as 2027-02-01T08:00 or 2027-02-01T08:00:00+01:00.";
    }

    /// <summary>A wall-clock time in a zone; a time skipped by daylight saving moves an hour on, a repeated one takes the first.</summary>
    private static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(zone.IsInvalidTime(local) ? local.AddHours(1) : local, DateTimeKind.Unspecified);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    private static string Shorten(string text) => FreeText.Quoted(text, 40);

    private static Violation Invalid(string message) => Violation.Invalid(ErrorCodes.InvalidCsv, "csv", message);

    [GeneratedRegex(@"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")]
    private static partial Regex DayFirstShape();
}
