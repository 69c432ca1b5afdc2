using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Security;

/// <summary>One token bucket per client: a flooding client is throttled, the others are not.</summary>
public sealed class RateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;
    private readonly PartitionedRateLimiter<string> failures;

    public RateLimits(IOptions<AuthOptions> options)
    {
        var o = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(clientId => RateLimitPartition.GetTokenBucketLimiter(
            clientId,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = o.Burst,
                TokensPerPeriod = o.PermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetTokenBucketLimiter(
            address,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = o.FailuresPerMinute,
                TokensPerPeriod = o.FailuresPerMinute,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Whether this address has failed too often lately; asked before any key lookup.</summary>
    public TimeSpan? FailureBudgetExhausted(string address) => Acquire(failures, address, 0);

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
