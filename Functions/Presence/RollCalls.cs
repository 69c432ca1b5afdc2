using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using AccessPmc.Contracts;
using AccessPmc.Functions.Clients;
using AccessPmc.Functions.Passes;

namespace AccessPmc.Functions.Presence;

/// <summary>
/// Who is inside a site now, for evacuation: the rows inside in the counter's epoch, with each pass's display
/// label and kind read from the pass (never copied into presence rows, so erasure and retention of the pass
/// cover them). The counter, one partition query, then a point read per person inside, 16 at a time.
/// </summary>
public sealed class RollCalls(PresenceStore store, PresenceTracker tracker, PassStore passes, ClientStore clients, TimeProvider time)
{
    public async Task<RollCall> TakeAsync(SiteOptions site, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var counter = await store.CounterAsync(site.Code, ct) ?? tracker.NewCounter(site.Code);
        var inside = await store.InsideAsync(site.Code, counter.Epoch, ct);

        var found = new ConcurrentDictionary<string, PassEntity>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(inside, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (row, token) =>
        {
            if (await passes.FindAsync(row.PassId, token) is { } pass)
            {
                found[pass.Id] = pass;
            }
        });
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var scanner in inside.Select(r => r.EnteredThrough ?? "").Distinct(StringComparer.Ordinal))
        {
            names[scanner] = await clients.NameOfAsync(scanner, ct) ?? scanner;
        }

        var entries = inside
            .Select(r => new RollCallEntry(r.PassId, found.GetValueOrDefault(r.PassId)?.DisplayLabel, found.GetValueOrDefault(r.PassId)?.Kind, r.EnteredAt!.Value, names[r.EnteredThrough ?? ""]))
            .OrderBy(e => e.DisplayLabel is null)
            .ThenBy(e => e.DisplayLabel, StringComparer.OrdinalIgnoreCase)
            .ThenBy(e => e.EnteredAt)
            .ThenBy(e => e.PassId, StringComparer.Ordinal)
            .ToList();
        return new RollCall(site.Code, site.Name, site.TimeZone, now, counter.Count, site.Capacity, counter.IsNew ? null : counter.LastResetAt, entries);
    }

    /// <summary>
    /// The roll-call as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read accents right):
    /// <c>displayLabel,kind,enteredAt,enteredThrough,passId</c> separated by <paramref name="separator"/> (',' or ';',
    /// which French spreadsheets expect), entry times in the site's local time (<c>yyyy-MM-dd HH:mm</c>). A cell that a
    /// spreadsheet would read as a formula is prefixed with <c>'</c>.
    /// </summary>
    public static byte[] Csv(RollCall call, char separator = ',')
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(call.TimeZone);
        var csv = new StringBuilder(string.Join(separator, "displayLabel", "kind", "enteredAt", "enteredThrough", "passId")).Append("\r\n");
        foreach (var e in call.Inside)
        {
            var local = TimeZoneInfo.ConvertTime(e.EnteredAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            csv.AppendJoin(separator, [Cell(e.DisplayLabel, separator), Cell(e.Kind, separator), local, Cell(e.EnteredThrough, separator), e.PassId]).Append("\r\n");
        }

        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Cell(string? text, char separator)
    {
        var value = text ?? "";
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
