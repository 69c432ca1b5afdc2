using AccessPmc.Contracts;
using AccessPmc.EndToEnd.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AccessPmc.EndToEnd.Tests;

/// <summary>
/// SelfHost only: its timers run on the DI TimeProvider, so a fake clock can bring a daily-scale schedule
/// due at once; the Functions host runs timers on the machine's clock (PassWalkTests covers both on a real schedule).
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Host", "SelfHost")]
public sealed class FakeClockTimerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 16, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private RunningHost host = null!;

    public async Task InitializeAsync() => host = await RunningHost.StartAsync(azurite, clock: clock);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ExpiryRunsWhenTheClockReachesTheSchedule()
    {
        var issuer = host.Client(TestApp.IssuerKey);
        var shortPass = await issuer.IssuePassAsync(new IssuePassRequest("Jeanne", "Dupont", PassKinds.Temporary, Start, Start.AddHours(1), ["PMC"]));

        // Two hours later: the ExpirePasses schedule (every 5 minutes) comes due on the fake clock.
        clock.Advance(TimeSpan.FromHours(2));
        await RunningHost.WaitUntilAsync(
            async () => (await issuer.GetPassAsync(shortPass.Id)).Status == PassStatuses.Expired,
            "the ExpirePasses timer marked the pass expired");

        // The scheduler counts a run once the function has returned, just after the status changed.
        await RunningHost.WaitUntilAsync(() => Task.FromResult(host.App.Timers.RunCount("ExpirePasses") >= 1), "the ExpirePasses run was counted");
        Assert.Equal(VerifyReasons.Expired, (await host.Client(TestApp.ScannerKey).VerifyAsync(shortPass.Code, "PMC")).Reason);
    }
}
