using AccessPmc.Contracts;
using AccessPmc.Functions.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Expiry;

public sealed record ExpiryRun(int Due, int Expired);

/// <summary>
/// Marks due passes expired. Reads only the expiry index rows that are due (minute buckets up to now)
/// plus one point read per due pass; each handled row is then deleted, so a second run reads nothing.
/// </summary>
public sealed class PassExpirer(Tables tables, PassStore store, TimeProvider time, IOptions<AccessPmcOptions> options, ILogger<PassExpirer> logger)
{
    public async Task<ExpiryRun> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var limit = options.Value.ExpiryMaxPerRun;
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {Keys.ExpiryBucket(now)} and DueAt le {now}");
        var due = new List<DueEntity>();
        await foreach (var page in tables.ExpiryIndex.QueryAsync<DueEntity>(filter, maxPerPage: 1000, cancellationToken: ct).AsPages())
        {
            due.AddRange(page.Values);
            if (due.Count >= limit)
            {
                break;
            }
        }

        due = due.Take(limit).ToList();
        var expired = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = TableBatches.Parallelism * 2, CancellationToken = ct }, async (row, token) =>
        {
            if (await ExpireAsync(row.RowKey, now, token))
            {
                Interlocked.Increment(ref expired);
            }
        });

        // Index rows go only after their pass is handled: a crash before this line just repeats the work.
        await TableBatches.SubmitAsync(tables.ExpiryIndex, due, TableTransactionActionType.Delete, ct);
        logger.LogInformation("ExpirePasses: {Due} due, {Expired} marked expired", due.Count, expired);
        return new ExpiryRun(due.Count, expired);
    }

    private async Task<bool> ExpireAsync(string id, DateTimeOffset now, CancellationToken ct)
    {
        while (true)
        {
            var pass = await store.FindAsync(id, ct);
            if (pass is null || pass.Status != PassStatuses.Active || pass.ValidUntil > now)
            {
                return false;
            }

            pass.Status = PassStatuses.Expired;
            pass.ExpiredAt = now;
            try
            {
                await tables.Passes.UpdateEntityAsync(pass, pass.ETag, TableUpdateMode.Replace, ct);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Revoked (or otherwise changed) meanwhile: read again, never overwrite a revocation.
            }
        }
    }
}
