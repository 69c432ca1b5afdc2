using System.Threading.Channels;
using AccessPmc.Functions.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AccessPmc.Functions.Verification;

/// <summary>
/// Scan events are written behind the verify answer, in entity group transactions per site and day:
/// the scanner waits for one storage read, not two, and a busy gate costs one write per 100 scans.
/// Events still buffered are written when the host stops.
/// </summary>
public sealed class ScanLog : IHostedService, IAsyncDisposable
{
    /// <summary>How long an event may wait for others to share its write.</summary>
    public static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(100);

    private readonly Channel<object> queue = Channel.CreateBounded<object>(new BoundedChannelOptions(50_000) { SingleReader = true });
    private readonly ScanStore store;
    private readonly ILogger<ScanLog> logger;
    private readonly Task pump;

    public ScanLog(ScanStore store, ILogger<ScanLog> logger)
    {
        this.store = store;
        this.logger = logger;
        pump = Task.Run(PumpAsync);
    }

    public ValueTask RecordAsync(ScanEventEntity scan, CancellationToken ct) => queue.Writer.WriteAsync(scan, ct);

    /// <summary>Completes once every event recorded before the call is stored.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await queue.Writer.WriteAsync(done, ct);
        await done.Task.WaitAsync(ct);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => FlushAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await pump;
    }

    private async Task PumpAsync()
    {
        StorageRetryPolicy.ForBackgroundWork();
        var batch = new List<ScanEventEntity>();
        var waiters = new List<TaskCompletionSource>();
        while (await queue.Reader.WaitToReadAsync())
        {
            // Let a busy gate fill the transaction: fewer, fuller batches cost the storage far less.
            await Task.Delay(Linger);
            while (batch.Count < 1000 && queue.Reader.TryRead(out var item))
            {
                if (item is ScanEventEntity scan)
                {
                    batch.Add(scan);
                }
                else
                {
                    waiters.Add((TaskCompletionSource)item);
                }
            }

            await WriteAsync(batch);
            waiters.ForEach(w => w.TrySetResult());
            batch.Clear();
            waiters.Clear();
        }
    }

    private async Task WriteAsync(List<ScanEventEntity> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await store.WriteAsync(batch, CancellationToken.None);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or Azure.Data.Tables.TableTransactionFailedException or AggregateException)
        {
            logger.LogError(e, "Could not store {Count} scan events", batch.Count);
        }
    }
}
