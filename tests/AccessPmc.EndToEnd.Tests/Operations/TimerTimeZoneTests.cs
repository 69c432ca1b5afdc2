using AccessPmc.EndToEnd.Tests.Infrastructure;

namespace AccessPmc.EndToEnd.Tests.Operations;

/// <summary>
/// Schedules mean UTC under SelfHost, as under the Functions host started with TZ=UTC (decisions.md):
/// WEBSITE_TIME_ZONE=UTC is accepted, any other zone refused (StartupRefusalTests).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TimerTimeZoneTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task DailyPurgeFiresAtItsUtcTimeEvenOnADaylightSavingDay()
    {
        await using var host = await RunningHost.StartAsync(azurite, new Dictionary<string, string?> { ["WEBSITE_TIME_ZONE"] = "UTC" });
        var purge = host.App.Plan.Timers.Single(t => t.Name == "PurgePersonalData");

        // 29 March 2026: Paris moves from UTC+1 to UTC+2 at 01:00 UTC; a schedule in local time would shift.
        var next = host.App.Clock.NextAfter(purge, new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero));
        var after = host.App.Clock.NextAfter(purge, next);

        Assert.Equal("0 30 3 * * *", purge.Schedule);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.Zero), next);
        Assert.Equal(TimeSpan.FromDays(1), after - next);
        Assert.Equal("UTC", host.App.Clock.Zone.Id);
    }
}
