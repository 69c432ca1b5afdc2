using AccessPmc.Functions.Storage;
using Microsoft.Extensions.Logging;

namespace AccessPmc.Functions.Verification;

/// <summary>
/// Scan events are written behind the verify answer, in entity group transactions per site and day:
/// the scanner waits for one storage read, not two, and a busy gate costs one write per 100 scans.
/// Events still buffered are written when the host stops.
/// </summary>
public sealed class ScanLog(ScanStore store, ILogger<ScanLog> logger) : WriteBehind<ScanEventEntity>(logger)
{
    // Let a busy gate fill the transaction: fewer, fuller batches cost the storage far less.
    protected override TimeSpan Linger => TimeSpan.FromMilliseconds(100);

    public ValueTask RecordAsync(ScanEventEntity scan, CancellationToken ct) => EnqueueAsync(scan, ct);

    protected override Task WriteAsync(IReadOnlyList<ScanEventEntity> batch) => store.WriteAsync(batch, CancellationToken.None);
}
