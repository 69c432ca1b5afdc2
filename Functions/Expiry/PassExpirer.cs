using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Expiry;

/// <summary>What one run did: index rows due, and passes it marked expired.</summary>
public sealed record ExpiryRun(int Due, int Expired);

/// <summary>
/// Marks due passes expired. Reads only the expiry index rows that are due (minute buckets up to now)
/// plus one point read per due pass; each handled row is then deleted, so a second run reads nothing.
/// At most <see cref="AccessPmcOptions.ExpiryMaxPerRun"/> passes per run; the rest wait for the next.
/// </summary>
public sealed class PassExpirer(PassIndexes indexes, PassStore store, TimeProvider time, IOptions<AccessPmcOptions> options, ILogger<PassExpirer> logger)
{
    public async Task<ExpiryRun> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await indexes.DueForExpiryAsync(now, options.Value.ExpiryMaxPerRun, ct);
        var expired = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = TableBatches.Parallelism * 2, CancellationToken = ct }, async (row, token) =>
        {
            if (await store.MarkExpiredAsync(row.RowKey, now, token))
            {
                Interlocked.Increment(ref expired);
            }
        });

        // Index rows go only after their pass is handled: a crash before this line just repeats the work.
        await indexes.ForgetExpiryAsync(due, ct);
        logger.LogInformation("ExpirePasses: {Due} due, {Expired} marked expired", due.Count, expired);
        return new ExpiryRun(due.Count, expired);
    }
}
