using AccessPmc.Functions.Security;
using Microsoft.Extensions.Options;

namespace AccessPmc.Tests.Security;

/// <summary>The failed-login budget per address, which the forwarded client address makes per real client.</summary>
public sealed class FailureBudgetTests
{
    [Fact]
    public async Task AnExhaustedBudgetStaysExhaustedWhileItRefillsInFractions()
    {
        using var limits = new RateLimits(Options.Create(new AuthOptions { FailuresPerMinute = 5 }));
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(limits.FailureBudgetExhausted("203.0.113.5"));
            limits.RecordFailure("203.0.113.5");
        }

        // The limiter refills every 100 ms by a fraction of a token (5 a minute: 1/120 each time).
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.NotNull(limits.FailureBudgetExhausted("203.0.113.5"));
        Assert.Null(limits.FailureBudgetExhausted("203.0.113.6"));
    }
}
