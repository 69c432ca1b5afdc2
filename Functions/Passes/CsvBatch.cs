using System.Globalization;
using AccessPmc.Contracts;
using Sylvan.Data.Csv;

namespace AccessPmc.Functions.Passes;

/// <summary>
/// The CSV form of a batch (docs/bulk-issuance.md): a header row naming the columns
/// givenName, familyName, kind, validFrom, validUntil, sites (separated by ';'), unit, idempotencyKey.
/// </summary>
public static class CsvBatch
{
    public static readonly string[] Columns = ["givenName", "familyName", "kind", "validFrom", "validUntil", "sites", "unit", "idempotencyKey"];

    public static Checked<List<BatchIssueItem>> Parse(string text, int maxItems)
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

            int Column(string name) => header.FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
            var ordinals = Columns.Select(Column).ToArray();
            string? Field(int column) => ordinals[column] is >= 0 and var i && i < csv.RowFieldCount && csv.GetString(i).Trim() is { Length: > 0 } v ? v : null;

            var items = new List<BatchIssueItem>();
            while (csv.Read())
            {
                if (items.Count == maxItems)
                {
                    return TooMany(maxItems);
                }

                items.Add(new BatchIssueItem(
                    Field(0), Field(1), Field(2), Time(Field(3)), Time(Field(4)),
                    Field(5)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    Field(6), Field(7)));
            }

            return items;
        }
        catch (Exception e) when (e is CsvFormatException or FormatException)
        {
            return Invalid("The CSV is not well formed: " + e.Message.Split('\n')[0]);
        }
    }

    public static Violation TooMany(int max) =>
        Violation.Invalid(ErrorCodes.TooManyItems, "passes", $"At most {max} passes per request.");

    private static DateTimeOffset? Time(string? value) =>
        value is null ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static Violation Invalid(string message) => Violation.Invalid(ErrorCodes.InvalidCsv, "csv", message);
}
