using System.Security.Cryptography;
using System.Threading.Channels;
using AccessPmc.Contracts;
using AccessPmc.Functions.Storage;
using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AccessPmc.Functions.Statistics;

/// <summary>
/// Counts events in memory as they happen and writes the sums behind the callers' answers: a scan costs a
/// dictionary update, not a storage write. A background pump waits <see cref="Linger"/> after the first event so
/// that others share the write, then adds the deltas to the counter rows, one transaction per partition and
/// 100 rows (<see cref="StatsStore"/>). A chunk that fails (storage down) is kept with its write id and retried
/// first by the next flush, so it is applied once. The host stopping flushes what is left. A crash loses the
/// counts of the last moment, like the scan events' buffer (D8).
/// </summary>
public sealed class StatsRecorder : IHostedService, IAsyncDisposable
{
    /// <summary>How long an event waits for others to share its write.</summary>
    public static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(500);

    /// <summary>Failed chunks kept for retry at most; beyond that storage has been down long, and the oldest are dropped (logged).</summary>
    public const int MaxRetained = 10_000;

    private readonly object sync = new();
    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly List<StatsChunk> retained = [];
    private readonly StatsStore store;
    private readonly ILogger<StatsRecorder> logger;
    private readonly Task pump;
    private Dictionary<(string Partition, string Row), StatsDelta> pending = [];

    public StatsRecorder(StatsStore store, ILogger<StatsRecorder> logger)
    {
        this.store = store;
        this.logger = logger;
        pump = Task.Run(PumpAsync);
    }

    /// <summary>One verification at <paramref name="site"/>: its result, refusal reason, direction (null: check) and whether it was verified offline.</summary>
    public void Scan(string site, DateTimeOffset at, string result, string? reason, string? direction, bool offline) =>
        Count(StatsKeys.Scans(site), g => StatsKeys.Bucket(g, at), d =>
        {
            d.Add(result == VerifyResults.Valid ? StatsProperties.Valid : StatsProperties.Invalid);
            d.Add(StatsProperties.Direction(direction ?? Directions.Check));
            if (reason is not null)
            {
                d.Add(StatsProperties.Reason(reason));
            }

            if (offline)
            {
                d.Add(StatsProperties.Offline);
            }
        });

    /// <summary>A pass of <paramref name="unit"/> and <paramref name="kind"/> issued, revoked or expired at <paramref name="at"/> (<see cref="StatsProperties"/>).</summary>
    public void Pass(string unit, string kind, DateTimeOffset at, string measure) =>
        Count(StatsKeys.Passes(unit), g => StatsKeys.PassBucket(g, at, kind), d => d.Add(measure));

    /// <summary>A site's occupancy after a presence change (entry, exit, reset, erasure).</summary>
    public void Occupancy(string site, OccupancySample sample) =>
        Count(StatsKeys.Occupancy(site), g => StatsKeys.Bucket(g, sample.At), d => d.Observe(sample));

    /// <summary>Writes everything counted before the call (and any chunk kept from a failed flush).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        await writing.WaitAsync(ct);
        try
        {
            await WriteAsync(ct);
        }
        finally
        {
            writing.Release();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => FlushAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        wake.Writer.TryComplete();
        await pump;
    }

    private void Count(string partition, Func<string, string> row, Action<StatsDelta> change)
    {
        lock (sync)
        {
            foreach (var granularity in StatsKeys.Both)
            {
                var key = (partition, row(granularity));
                if (!pending.TryGetValue(key, out var delta))
                {
                    pending[key] = delta = new StatsDelta();
                }

                change(delta);
            }
        }

        wake.Writer.TryWrite(true);
    }

    private async Task PumpAsync()
    {
        StorageRetryPolicy.ForBackgroundWork();
        while (await wake.Reader.WaitToReadAsync())
        {
            wake.Reader.TryRead(out _);
            await Task.Delay(Linger);
            await FlushAsync();
        }
    }

    private async Task WriteAsync(CancellationToken ct)
    {
        Dictionary<(string Partition, string Row), StatsDelta> taken;
        lock (sync)
        {
            (taken, pending) = (pending, []);
        }

        var chunks = retained.Concat(taken
            .GroupBy(p => p.Key.Partition)
            .SelectMany(g => g.Chunk(TableBatches.MaxPerTransaction).Select(rows => new StatsChunk(
                g.Key,
                Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
                rows.ToDictionary(r => r.Key.Row, r => r.Value, StringComparer.Ordinal)))))
            .ToList();
        retained.Clear();

        // Partitions in parallel; a partition's chunks one after the other (they would only conflict).
        var failed = new System.Collections.Concurrent.ConcurrentBag<StatsChunk>();
        await Parallel.ForEachAsync(chunks.GroupBy(c => c.Partition), new ParallelOptions { MaxDegreeOfParallelism = TableBatches.Parallelism }, async (series, _) =>
        {
            foreach (var chunk in series)
            {
                try
                {
                    await store.ApplyAsync(chunk, ct);
                }
                catch (Exception e) when (e is RequestFailedException or AggregateException or OperationCanceledException || StorageFailures.IsUnavailable(e))
                {
                    failed.Add(chunk);
                    logger.LogError(e, "Could not store {Rows} statistics rows of {Series}; kept for the next flush", chunk.Rows.Count, chunk.Partition);
                }
            }
        });

        Retain(failed);
    }

    private void Retain(IEnumerable<StatsChunk> failed)
    {
        retained.AddRange(failed);
        if (retained.Count > MaxRetained)
        {
            logger.LogError("Dropping {Count} statistics chunks: storage has refused them too long", retained.Count - MaxRetained);
            retained.RemoveRange(0, retained.Count - MaxRetained);
        }
    }
}
