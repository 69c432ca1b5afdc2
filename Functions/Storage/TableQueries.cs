using Azure.Data.Tables;

namespace AccessPmc.Functions.Storage;

/// <summary>Runs a query to the end (following continuation tokens) or to <c>max</c> rows, whichever comes first.</summary>
public static class TableQueries
{
    /// <param name="filter">Built with <see cref="TableClient.CreateQueryFilter(System.FormattableString)"/> only; null reads the whole table.</param>
    /// <param name="select">Properties to fetch, or null for all.</param>
    public static async Task<List<T>> ListAsync<T>(this TableClient table, string? filter, CancellationToken ct, int max = int.MaxValue, IEnumerable<string>? select = null)
        where T : class, ITableEntity, new()
    {
        var rows = new List<T>();
        await foreach (var row in table.QueryAsync<T>(filter, maxPerPage: Math.Min(max, 1000), select, ct))
        {
            rows.Add(row);
            if (rows.Count == max)
            {
                break;
            }
        }

        return rows;
    }
}
