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

    /// <summary>
    /// The same, for rows of one partition that must change together: <paramref name="change"/> returns the
    /// entity group transaction to submit for <paramref name="state"/> (each action carrying the ETag of the row
    /// as read, or an insert for a row that was absent), or nothing when no write is needed. When the transaction
    /// fails because one of its rows changed or appeared meanwhile (412, 409), nothing of it was written: the
    /// state is read again and the change re-decided. Returns the state the last decision was taken on (the
    /// written entities carrying their new ETags) and whether this call wrote it. Rows that many writers share (a site's counter) make conflicts the rule under
    /// load, so a conflict waits a random moment, growing with each conflict, before reading again: writers that
    /// all read again at once would all conflict again.
    /// </summary>
    public static async Task<(T State, bool Written)> ApplyGroupAsync<T>(
        TableClient table, T state, Func<T, IReadOnlyList<TableTransactionAction>?> change, Func<CancellationToken, Task<T>> reload, CancellationToken ct)
    {
        for (var conflicts = 0; ; conflicts++)
        {
            if (change(state) is not { Count: > 0 } actions)
            {
                return (state, false);
            }

            try
            {
                var responses = (await table.SubmitTransactionAsync(actions, ct)).Value;
                for (var i = 0; i < actions.Count; i++)
                {
                    // As stored now; a row whose new ETag is not known reads as never stored, so its next write fails and re-reads.
                    if (actions[i].ActionType != TableTransactionActionType.Delete)
                    {
                        actions[i].Entity.ETag = responses.Count > i && responses[i].Headers.ETag is { } etag ? etag : default;
                    }
                }

                return (state, true);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1 << Math.Min(conflicts + 1, 6))), ct);
                state = await reload(ct);
            }
        }
    }
}
