using System.Threading.Channels;
using AccessPmc.Functions.Verification;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Presence;

/// <summary>An online scan as the anomaly rules need it; <see cref="Row"/> is the pass's presence row after the scan (entries only).</summary>
public sealed record ScanSeen(
    string Site, string Scanner, DateTimeOffset At, string? PassId, string? Reason, PresenceOutcome Outcome, PresenceEntity? Row, IReadOnlyList<string> PassSites);

/// <summary>
/// Anomalies of online scans, found and written behind the verify answer, as <see cref="ScanLog"/> does for scan
/// events: the scanner waits for neither the cross-site reads nor the write. Probes are counted here, per
/// instance (<see cref="ProbeWindow"/>). Observations still queued are handled when the host stops; a crash
/// loses those of the last moments (as scan events, D8).
/// </summary>
public sealed class AnomalyWatch : IHostedService, IAsyncDisposable
{
    private readonly Channel<object> queue = Channel.CreateBounded<object>(new BoundedChannelOptions(50_000) { SingleReader = true });
    private readonly AnomalyDetector detector;
    private readonly AnomalyStore store;
    private readonly TimeProvider time;
    private readonly ILogger<AnomalyWatch> logger;
    private readonly ProbeWindow probes;
    private readonly Task pump;

    public AnomalyWatch(AnomalyDetector detector, AnomalyStore store, IOptions<PresenceOptions> options, TimeProvider time, ILogger<AnomalyWatch> logger)
    {
        (this.detector, this.store, this.time, this.logger) = (detector, store, time, logger);
        probes = new ProbeWindow(options.Value.ProbeCodes, options.Value.ProbeWindow);
        pump = Task.Run(PumpAsync);
    }

    /// <summary>Queues a scan that may reveal an anomaly; the others cost nothing.</summary>
    public ValueTask ObserveAsync(ScanSeen scan, CancellationToken ct) =>
        AnomalyRules.IsForgery(scan.Reason) || scan.Reason == Contracts.VerifyReasons.Revoked
        || scan.Outcome == PresenceOutcome.AlreadyInside || (scan.Outcome == PresenceOutcome.Admitted && scan.PassSites.Count > 1)
            ? queue.Writer.WriteAsync(scan, ct)
            : ValueTask.CompletedTask;

    /// <summary>Completes once every scan observed before the call has been examined and its anomalies stored.</summary>
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
        var scans = new List<ScanSeen>();
        var waiters = new List<TaskCompletionSource>();
        while (await queue.Reader.WaitToReadAsync())
        {
            while (scans.Count < 500 && queue.Reader.TryRead(out var item))
            {
                if (item is ScanSeen scan)
                {
                    scans.Add(scan);
                }
                else
                {
                    waiters.Add((TaskCompletionSource)item);
                }
            }

            await HandleAsync(scans);
            waiters.ForEach(w => w.TrySetResult());
            scans.Clear();
            waiters.Clear();
        }
    }

    private async Task HandleAsync(List<ScanSeen> scans)
    {
        try
        {
            var anomalies = new List<AnomalyEntity>();
            var entries = new List<(AnomalyRules.Source, ScanSeen)>();
            foreach (var scan in scans)
            {
                var source = new AnomalyRules.Source(scan.Site, scan.Scanner, scan.At, time.GetUtcNow());
                if (AnomalyRules.IsForgery(scan.Reason) && probes.Add(scan.Scanner, scan.At) is { } count)
                {
                    anomalies.Add(AnomalyRules.Probe(source, count));
                }
                else if (scan.Reason == Contracts.VerifyReasons.Revoked)
                {
                    anomalies.Add(AnomalyRules.Revoked(source, scan.PassId!));
                }
                else if (scan.Outcome == PresenceOutcome.AlreadyInside)
                {
                    anomalies.Add(AnomalyRules.AlreadyInside(source, scan.Row!));
                }
                else if (scan.Outcome == PresenceOutcome.Admitted)
                {
                    entries.Add((source, scan));
                }
            }

            await Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (entry, ct) =>
            {
                var found = await detector.CrossSiteAsync(entry.Item1, entry.Item2.PassId!, entry.Item2.PassSites, ct);
                lock (anomalies)
                {
                    anomalies.AddRange(found);
                }
            });
            probes.Prune(time.GetUtcNow());
            await store.WriteAsync(anomalies, CancellationToken.None);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or Azure.Data.Tables.TableTransactionFailedException or AggregateException)
        {
            logger.LogError(e, "Could not examine or store the anomalies of {Count} scans", scans.Count);
        }
    }
}
