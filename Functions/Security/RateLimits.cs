using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Security;

/// <summary>One token bucket per client: a flooding client is throttled, the others are not.</summary>
public sealed class RateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

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
    }

    /// <summary>Null when admitted, else how long to wait.</summary>
    public TimeSpan? TryAcquire(string clientId, int permits = 1)
    {
        using var lease = limiter.AttemptAcquire(clientId, permits);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => limiter.Dispose();
}
