using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Security;

/// <summary>One token bucket per client: a flooding client is throttled, the others are not.</summary>
public sealed class RateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;
    private readonly PartitionedRateLimiter<string> failures;
    private readonly TimeSpan failureRefill;

    public RateLimits(IOptions<AuthOptions> options)
    {
        var o = options.Value;
        limiter = Buckets(o.Burst, o.PermitsPerSecond, TimeSpan.FromSeconds(1));
        failures = Buckets(o.FailuresPerMinute, o.FailuresPerMinute, TimeSpan.FromMinutes(1));
        failureRefill = TimeSpan.FromMinutes(1) / o.FailuresPerMinute;
    }

    /// <summary>One token bucket per key (client id or source address), none queued: over the limit is a 429 at once.</summary>
    private static PartitionedRateLimiter<string> Buckets(int burst, int perPeriod, TimeSpan period) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>
    /// Whether this address has failed too often lately (less than one whole failure left), and how long until
    /// it has one again; asked before any key lookup. Not a 0-permit acquire: token buckets refill continuously,
    /// so a bucket holding a fraction of a token would let that through, and every guess after it.
    /// </summary>
    public TimeSpan? FailureBudgetExhausted(string address) =>
        failures.GetStatistics(address) is { CurrentAvailablePermits: < 1 } ? failureRefill : null;

    public void RecordFailure(string address) => Acquire(failures, address, 1);

    /// <summary>Null when admitted, else how long to wait.</summary>
    public TimeSpan? TryAcquire(string clientId, int permits = 1) => Acquire(limiter, clientId, permits);

    private static TimeSpan? Acquire(PartitionedRateLimiter<string> limiter, string key, int permits)
    {
        using var lease = limiter.AttemptAcquire(key, permits);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    public void Dispose()
    {
        limiter.Dispose();
        failures.Dispose();
    }
}
