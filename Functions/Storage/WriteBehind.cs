using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AccessPmc.Functions.Storage;

/// <summary>
/// Work done behind an answer: items queue in memory and one loop hands them to <see cref="WriteAsync"/> in
/// batches (after a short <see cref="Linger"/>, so a busy gate fills them), retrying storage with the background
/// budget. What is still queued is written when the host stops; a crash loses the last moments (D8). A failed
/// batch is logged, never thrown at a caller that has long had its answer.
/// </summary>
/// <typeparam name="T">What is queued.</typeparam>
public abstract class WriteBehind<T> : IHostedService, IAsyncDisposable
    where T : class
{
    private readonly Channel<object> queue = Channel.CreateBounded<object>(new BoundedChannelOptions(50_000) { SingleReader = true });
    private readonly ILogger logger;
    private readonly Task pump;

    protected WriteBehind(ILogger logger)
    {
        this.logger = logger;
        pump = Task.Run(PumpAsync);
    }

    /// <summary>How long an item may wait for others to share its batch.</summary>
    protected virtual TimeSpan Linger => TimeSpan.Zero;

    /// <summary>Items per batch at most.</summary>
    protected virtual int MaxBatch => 1000;

    /// <summary>Completes once every item queued before the call has been handled.</summary>
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
        GC.SuppressFinalize(this);
    }

    protected ValueTask EnqueueAsync(T item, CancellationToken ct) => queue.Writer.WriteAsync(item, ct);

    /// <summary>Handles one batch (never empty); storage failures are logged by the caller of this method.</summary>
    protected abstract Task WriteAsync(IReadOnlyList<T> batch);

    private async Task PumpAsync()
    {
        StorageRetryPolicy.ForBackgroundWork();
        var batch = new List<T>();
        var waiters = new List<TaskCompletionSource>();
        while (await queue.Reader.WaitToReadAsync())
        {
            if (Linger > TimeSpan.Zero)
            {
                await Task.Delay(Linger);
            }

            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var item))
            {
                if (item is T work)
                {
                    batch.Add(work);
                }
                else
                {
                    waiters.Add((TaskCompletionSource)item);
                }
            }

            await WriteLoggedAsync(batch);
            waiters.ForEach(w => w.TrySetResult());
            batch.Clear();
            waiters.Clear();
        }
    }

    private async Task WriteLoggedAsync(List<T> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await WriteAsync(batch);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or Azure.Data.Tables.TableTransactionFailedException or AggregateException || StorageFailures.IsUnavailable(e))
        {
            logger.LogError(e, "{Writer}: could not handle {Count} queued items", GetType().Name, batch.Count);
        }
    }
}
