using AccessPmc.Functions.Statistics;
using AccessPmc.Functions.Verification;
using AccessPmc.Functions.Storage;
using Azure;

namespace AccessPmc.Functions.Scanner;

/// <summary>
/// Stores uploaded offline scans as scan events, one insert each: a row that exists (409) is a duplicate, not an error.
/// Only a scan this call stored is counted in the statistics, so a re-upload counts nothing twice.
/// </summary>
public sealed class OfflineScanStore(Tables tables, StatsRecorder stats)
{
    /// <summary>Inserts, at most 8 at a time; returns how many were new and how many already stored.</summary>
    public async Task<(int Stored, int Duplicates)> AddAsync(IReadOnlyList<ScanEventEntity> scans, CancellationToken ct)
    {
        var stored = 0;
        var duplicates = 0;
        await Parallel.ForEachAsync(scans, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (scan, token) =>
        {
            try
            {
                await tables.ScanEvents.AddEntityAsync(scan, token);
                stats.Scan(scan.Site, scan.At, scan.Result, scan.Reason, scan.Direction is null or Contracts.Directions.Check ? null : scan.Direction, offline: true);
                Interlocked.Increment(ref stored);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                Interlocked.Increment(ref duplicates);
            }
        });
        return (stored, duplicates);
    }
}
