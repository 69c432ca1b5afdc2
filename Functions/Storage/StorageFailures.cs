using System.Net.Sockets;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AccessPmc.Functions.Storage;

/// <summary>
/// Storage being unreachable or overloaded, as the Azure SDK reports it: no answer at all (status 0:
/// refused, reset, timed out), 500/503 (busy, timed out on the server) or 429, possibly wrapped in an
/// <see cref="AggregateException"/> by parallel writes. Such a failure is the storage's, not the request's.
/// </summary>
public static class StorageFailures
{
    /// <summary>How long callers are told to wait (Retry-After) before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static bool IsUnavailable(Exception e) => e switch
    {
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(IsUnavailable),
        RequestFailedException r => r.Status is 0 or 429 or 500 or 503 || (r.InnerException is { } inner && IsUnavailable(inner)),
        HttpRequestException or SocketException or TimeoutException => true,
        _ => false,
    };
}

/// <summary>
/// The SDK's retry policy with two budgets: a request retries once, briefly, so a caller learns within
/// about a second that storage is down (503, then the scanner verifies offline); background work (timers,
/// the scan log) retries longer, since nobody waits on it and a run that fails is repeated anyway.
/// </summary>
public sealed class StorageRetryPolicy() : RetryPolicy(BackgroundRetries, DelayStrategy.CreateExponentialDelayStrategy(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(8)))
{
    public const int InteractiveRetries = 1;
    public const int BackgroundRetries = 5;

    private static readonly AsyncLocal<bool> InBackground = new();

    /// <summary>Marks the calling flow (a timer run, a writer loop) as background work until the flow ends.</summary>
    public static void ForBackgroundWork() => InBackground.Value = true;

    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        (InBackground.Value || message.ProcessingContext.RetryNumber < InteractiveRetries) && base.ShouldRetry(message, exception);

    protected override ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        ValueTask.FromResult(ShouldRetry(message, exception));
}
