using System.Globalization;
using AccessPmc.Contracts;
using AccessPmc.Functions.Text;
using Microsoft.Extensions.Options;
using Sylvan.Data.Csv;

namespace AccessPmc.Functions.Passes;

/// <summary>A CSV row as a batch item, or the reason that row alone fails (a date that cannot be read, a wrong number of fields).</summary>
public sealed record CsvRow(BatchIssueItem Item, Violation? Refusal);

/// <summary>
/// The CSV form of a batch (docs/bulk-issuance.md): a header row naming the columns givenName,
/// familyName, kind, validFrom, validUntil, sites (separated by ';' or ','), unit, idempotencyKey, each
/// at most once; the field separator (',' or ';', as French spreadsheets write) is detected from the
/// header row, and a tab- or '|'-separated file is refused rather than read as one column. A malformed
/// file or header fails the whole file (<c>invalid_csv</c>); a row with a field count other than the
/// header's fails alone (<c>invalid_csv</c>), and so does a date that cannot be read (<see cref="CsvDates"/>).
/// Every message is in the service's words: the parser's own name its options, which callers cannot set.
/// </summary>
public sealed class CsvBatch(IOptions<AccessPmcOptions> options)
{
    public static readonly string[] Columns = ["givenName", "familyName", "kind", "validFrom", "validUntil", "sites", "unit", "idempotencyKey"];

    /// <summary>The longest row read (in characters): a real row needs a few hundred, so a longer one is a quote left open or not a pass list.</summary>
    public const int MaxRowChars = 65_536;

    private static readonly BatchIssueItem NoItem = new(null, null, null, null, null, null);

    public enum DateOrder
    {
        /// <summary>ISO 8601 only; anything else fails its row.</summary>
        Iso,

        /// <summary>ISO 8601, or day/month/year as French spreadsheets write it.</summary>
        DayFirst,
    }

    /// <summary>The rows as batch items; row numbers in messages are the answer's index + 1 (header and blank lines not counted).</summary>
    public Checked<List<CsvRow>> Parse(string text, int maxItems, DateOrder order)
    {
        var separator = Separator(text);
        if (separator.Violation is not null)
        {
            return separator.Violation;
        }

        var rows = new List<CsvRow>();
        var header = new List<string>();
        try
        {
            using var csv = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions { Delimiter = separator.Value, BufferSize = MaxRowChars, MaxBufferSize = MaxRowChars });
            header = [.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim())];
            if (Header(header) is { } refused)
            {
                return refused;
            }

            var ordinals = Columns.Select(c => header.FindIndex(h => h.Equals(c, StringComparison.OrdinalIgnoreCase))).ToArray();
            while (csv.Read())
            {
                var fields = Enumerable.Range(0, csv.RowFieldCount).Select(i => csv.GetString(i).Trim()).ToList();
                if (fields.All(f => f.Length == 0))
                {
                    continue; // a blank line, as spreadsheets leave at the end
                }

                if (rows.Count == maxItems)
                {
                    return TooMany(maxItems);
                }

                rows.Add(FieldCount(fields, header) is { } wrong ? new CsvRow(NoItem, wrong) : Row(column => ordinals[column] is >= 0 and var i && fields[i] is { Length: > 0 } v ? v : null, order));
            }

            return rows;
        }
        catch (CsvMissingHeadersException)
        {
            return Invalid($"The CSV file is empty: it needs a header row naming its columns ({string.Join(", ", Columns)}), then one row per pass.");
        }
        catch (CsvRecordTooLargeException)
        {
            return Invalid($"{Where(header, rows)} is longer than {MaxRowChars.ToString("N0", CultureInfo.InvariantCulture)} characters, where a pass needs a few hundred: is a quote left open?");
        }
        catch (CsvFormatException e)
        {
            var column = header.Count > 0 && e.FieldOrdinal >= 0 && e.FieldOrdinal < header.Count ? $", column {header[e.FieldOrdinal]}," : "";
            return Invalid($"{Where(header, rows)}{column} has a quote that is not closed, or text after a closing quote. Put a field that holds a separator or a quote in quotes, and double the quotes inside: \"Pierre \"\"Pete\"\", Jr\".");
        }
    }

    public static Violation TooMany(int max) =>
        Violation.Invalid(ErrorCodes.TooManyItems, "passes", $"At most {max} passes per request.");

    /// <summary>A user's text cut to 40 characters (by whole characters) for a message.</summary>
    public static string Shorten(string text) => FreeText.Quoted(text, 40);

    /// <summary>
    /// The separator of the header row, as the browser console detects it too (web/console/csv.js): the more
    /// frequent of ',' and ';'. A header separated by tabs or '|' is refused: read with ',' it would be one unknown
    /// column at best, and at worst a data row's commas would split fields the author never meant.
    /// </summary>
    private static Checked<char> Separator(string text)
    {
        var line = text.AsSpan(0, text.IndexOf('\n') is >= 0 and var end ? end : text.Length);
        var (commas, semicolons, tabs, pipes) = (line.Count(','), line.Count(';'), line.Count('\t'), line.Count('|'));
        if (Math.Max(tabs, pipes) > Math.Max(commas, semicolons))
        {
            var what = tabs >= pipes ? "tabs" : "'|'";
            return Invalid($"The header row is separated by {what}: separate fields with ',' or ';' (save the sheet as \"CSV\", not as text).");
        }

        return semicolons > commas ? ';' : ',';
    }

    private static Violation? Header(List<string> header)
    {
        if (header.All(h => h.Length == 0))
        {
            return Invalid($"The header row (the first line) is empty: it must name the columns ({string.Join(", ", Columns)}).");
        }

        if (header.FindIndex(h => h.Length == 0) is >= 0 and var unnamed)
        {
            return Invalid($"Column {unnamed + 1} of the header has no name. Columns: {string.Join(", ", Columns)}.");
        }

        var unknown = header.Where(h => !Columns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            return Invalid($"Unknown header: {string.Join(", ", unknown.Select(Shorten))}. Columns: {string.Join(", ", Columns)}.");
        }

        // Two columns of one name would leave one of them unread: which value was meant cannot be known.
        var twice = header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? null
            : Invalid($"The column {twice.Key} appears {twice.Count()} times in the header (columns {string.Join(" and ", header.Select((h, i) => (h, i)).Where(c => c.h.Equals(twice.Key, StringComparison.OrdinalIgnoreCase)).Select(c => c.i + 1))}): keep one.");
    }

    /// <summary>
    /// A row must have one field per column: a short row may have lost a field in the middle, shifting the rest into
    /// the wrong columns, and a field past the last column (often an unquoted separator in a name) would be dropped.
    /// Empty fields past the last column lose nothing (some exports end every line with a separator) and are allowed.
    /// </summary>
    private static Violation? FieldCount(List<string> fields, List<string> header)
    {
        if (fields.Count < header.Count)
        {
            return Invalid($"This row has {fields.Count} fields, the header {header.Count} columns ({string.Join(", ", header)}): give one field per column, left empty for a default.");
        }

        return fields.Skip(header.Count).FirstOrDefault(f => f.Length > 0) is { } extra
            ? Invalid($"This row has {fields.Count} fields, the header {header.Count} columns: '{Shorten(extra)}' has no column. Put a field that holds a separator in quotes: \"Pierre, Jr\".")
            : null;
    }

    private CsvRow Row(Func<int, string?> field, DateOrder order)
    {
        // Site codes hold neither ';' nor ',': either separates them, whichever the file's separator leaves free.
        var sites = field(5)?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var zone = sites is [var first, ..] && options.Value.FindSite(first) is { } site ? TimeZoneInfo.FindSystemTimeZoneById(site.TimeZone) : TimeZoneInfo.Utc;
        var from = CsvDates.Read(field(3), "validFrom", zone, order, endOfDay: false);
        var until = CsvDates.Read(field(4), "validUntil", zone, order, endOfDay: true);
        var item = new BatchIssueItem(field(0), field(1), field(2), from.Value, until.Value, sites, field(6), field(7));
        return new CsvRow(item, from.Violation ?? until.Violation);
    }

    /// <summary>Where the reader stopped: in the header, or at the row after the last one read (numbered as index + 1).</summary>
    private static string Where(List<string> header, List<CsvRow> rows) =>
        header.Count == 0 ? "The header row" : $"Row {rows.Count + 1}";

    private static Violation Invalid(string message) => Violation.Invalid(ErrorCodes.InvalidCsv, "csv", message);
}
