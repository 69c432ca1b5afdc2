using Azure.Data.Tables;

namespace AccessPmc.Functions.Storage;

/// <summary>Entity group transactions: one partition and at most 100 entities each, several in flight.</summary>
public static class TableBatches
{
    public const int MaxPerTransaction = 100;
    public const int Parallelism = 8;

    public static Task SubmitAsync<T>(TableClient table, IEnumerable<T> entities, TableTransactionActionType action, CancellationToken ct)
        where T : ITableEntity
    {
        var chunks = entities
            .GroupBy(e => e.PartitionKey)
            .SelectMany(g => g.Chunk(MaxPerTransaction))
            .ToList();
        return Parallel.ForEachAsync(
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (chunk, token) =>
            {
                if (chunk.Length == 1)
                {
                    await Single(table, chunk[0], action, token);
                    return;
                }

                try
                {
                    var etag = action == TableTransactionActionType.Delete ? Azure.ETag.All : default;
                    await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(action, e, etag)), token);
                }
                catch (TableTransactionFailedException e) when (action == TableTransactionActionType.Delete && e.Status == 404)
                {
                    // Another run deleted some of these rows already; deleting one by one ignores them.
                    foreach (var entity in chunk)
                    {
                        await DeleteIfExists(table, entity, token);
                    }
                }
            });
    }

    private static Task Single(TableClient table, ITableEntity entity, TableTransactionActionType action, CancellationToken ct) => action switch
    {
        TableTransactionActionType.UpsertReplace => table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct),
        TableTransactionActionType.Delete => DeleteIfExists(table, entity, ct),
        TableTransactionActionType.Add => table.AddEntityAsync(entity, ct),
        _ => throw new NotSupportedException(action.ToString()),
    };

    private static Task DeleteIfExists(TableClient table, ITableEntity entity, CancellationToken ct) =>
        table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, Azure.ETag.All, ct);
}
