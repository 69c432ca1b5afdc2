using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Presence;
using AccessPmc.Functions.Verification;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Privacy;

/// <summary>What one purge run did.</summary>
public sealed record PurgeRun(int PassesErased, int ScanEventsDeleted, int IdempotencyKeysDeleted, int PresenceRowsDeleted = 0, int AnomaliesDeleted = 0);

/// <summary>
/// Retention, enforced: holder data of passes ended longer ago than the retention period is erased,
/// scan events older than theirs are reduced to anonymous daily counts, presence rows and anomalies older than
/// the same retention are deleted, stale idempotency keys go.
/// Every step is idempotent; the index rows are deleted only once their work is done.
/// </summary>
public sealed class PersonalDataPurger(
    PassIndexes indexes, PassStore passes, ScanStore scans, IdempotencyStore idempotency, PresenceStore presence, AnomalyStore anomalies,
    TimeProvider time, IOptions<AccessPmcOptions> options, ILogger<PersonalDataPurger> logger)
{
    public async Task<PurgeRun> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var policy = options.Value;
        var erased = await ErasePassesAsync(now, ct);
        var cutoff = now - policy.ScanEventRetention;
        var (deleted, rows) = (0, 0);
        foreach (var site in policy.Sites)
        {
            deleted += await scans.ReduceToCountsAsync(site.Code, cutoff, ct);
            rows += await PurgePresenceAsync(site.Code, cutoff, ct);
        }

        var found = await anomalies.DeleteBeforeAsync(cutoff, ct);
        var keys = await idempotency.DeleteCreatedBeforeAsync(now - policy.IdempotencyRetention, ct);
        logger.LogInformation(
            "PurgePersonalData: {Passes} passes erased, {Scans} scan events, {Rows} presence rows, {Anomalies} anomalies and {Keys} idempotency keys deleted",
            erased, deleted, rows, found, keys);
        return new PurgeRun(erased, deleted, keys, rows, found);
    }

    /// <summary>Presence rows untouched since the cutoff, except a pass still counted inside (the counter must stay exact).</summary>
    private async Task<int> PurgePresenceAsync(string site, DateTimeOffset cutoff, CancellationToken ct)
    {
        var counter = await presence.CounterAsync(site, ct);
        var old = await presence.ChangedBeforeAsync(site, cutoff, ct);
        return await presence.DeleteUnchangedAsync(old.Where(r => counter is null || !r.IsInside(counter)), ct);
    }

    private async Task<int> ErasePassesAsync(DateTimeOffset now, CancellationToken ct)
    {
        var erased = 0;
        var handled = new List<DueEntity>();
        foreach (var row in await indexes.DueForPurgeAsync(now, ct))
        {
            var outcome = await EraseAsync(row.RowKey, now, ct);
            if (outcome is not null)
            {
                handled.Add(row);
                erased += outcome.Value ? 1 : 0;
            }
        }

        await indexes.ForgetPurgeAsync(handled, ct);
        return erased;
    }

    /// <summary>True: erased now; false: nothing left to erase; null: not yet due (keep the index row).</summary>
    private async Task<bool?> EraseAsync(string id, DateTimeOffset now, CancellationToken ct)
    {
        var pass = await passes.FindAsync(id, ct);
        if (pass is null || pass.PersonalDataErasedAt is not null)
        {
            return false;
        }

        // A pass only ends earlier if it is revoked meanwhile, so a row that changed under the erase stays due.
        var endedAt = pass.Status == PassStatuses.Revoked && pass.RevokedAt < pass.ValidUntil ? pass.RevokedAt.Value : pass.ValidUntil;
        if (endedAt + options.Value.PersonalDataRetention > now)
        {
            return null;
        }

        await passes.EraseHolderDataAsync(pass, now, ct);
        return true;
    }
}
