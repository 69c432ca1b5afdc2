using Azure;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Storage;

/// <summary>
/// Read-modify-write under an ETag (If-Match), the one way rows that may race are changed: the change
/// is applied to the row as read; on 412 (someone wrote meanwhile) the row is read again and the change
/// re-decided on the fresh row, so no concurrent write is ever overwritten blindly.
/// </summary>
public static class OptimisticUpdate
{
    /// <summary>
    /// Applies <paramref name="change"/> (which returns false when the row needs no write) and replaces the
    /// row if its ETag still matches. Returns the row as stored (or as found when unchanged) and whether this
    /// call wrote it; null when the row no longer exists.
    /// </summary>
    public static async Task<(T Row, bool Written)?> ApplyAsync<T>(
        TableClient table, T? row, Func<T, bool> change, Func<CancellationToken, Task<T?>> reload, CancellationToken ct)
        where T : class, ITableEntity
    {
        while (row is not null)
        {
            if (!change(row))
            {
                return (row, false);
            }

            try
            {
                var response = await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                row.ETag = response.Headers.ETag ?? row.ETag;
                return (row, true);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                row = await reload(ct);
            }
        }

        return null;
    }
}
