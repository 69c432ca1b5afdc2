using AccessPmc.Contracts;

namespace AccessPmc.Tests.Statistics;

/// <summary>Known scans, online and offline, with directions and refusals, give exact counts per hour and per day.</summary>
public sealed class ScanStatsTests(AzuriteFixture azurite) : AppTests(azurite, "sstats")
{
    private static readonly DateTimeOffset Start = TestApp.Start;
    private static readonly DateTimeOffset Day = new(2026, 3, 16, 0, 0, 0, TimeSpan.Zero);

    private static OfflineScan Offline(char id, string result, string? reason, string direction) =>
        new(new string(id, 32), "PMC", Start.AddMinutes(-30), new string('b', 32), result, reason, direction);

    private async Task ScanTheDayAsync()
    {
        var pass = await App.IssuedAsync();
        var lost = await App.IssuedAsync();
        await App.VerifyAsync(pass.Code);
        await App.VerifyAsync(pass.Code);
        await App.VerifyAsync("garbage");
        await App.EnterAsync(pass.Code);

        App.Clock.Advance(TimeSpan.FromMinutes(70));
        await App.ExitAsync(pass.Code);
        await App.RevokeAsync(lost.Id);
        await App.VerifyAsync(lost.Code);
        await App.VerifyAsync(pass.Code, "VILLEJUIF", TestApp.AdminKey);

        OfflineScan[] offline = [Offline('c', VerifyResults.Valid, null, Directions.Entry), Offline('d', VerifyResults.Invalid, VerifyReasons.Expired, Directions.Check)];
        await App.UploadScansAsync(offline);
        await App.UploadScansAsync(offline);
    }

    [Fact]
    public async Task EachHourCountsItsScansByResultReasonDirectionAndOfflineOnce()
    {
        await ScanTheDayAsync();

        var stats = await App.StatsAsync(Start.AddHours(-2), Start.AddHours(3));

        Assert.Equal(
            [
                "PMC 2026-03-16T07 valid 1 invalid 1 offline 2 reasons [expired=1] directions [check=1 entry=1]",
                "PMC 2026-03-16T08 valid 3 invalid 1 offline 0 reasons [malformed=1] directions [check=3 entry=1]",
                "PMC 2026-03-16T09 valid 1 invalid 1 offline 0 reasons [revoked=1] directions [check=1 exit=1]",
                "VILLEJUIF 2026-03-16T09 valid 0 invalid 1 offline 0 reasons [wrong_site=1] directions [check=1]",
            ],
            stats.Scans.Select(b => b.Line()));
        Assert.Equal((Start.AddHours(-2), Start.AddHours(3), Granularities.Hour), (stats.From, stats.To, stats.Granularity));
    }

    [Fact]
    public async Task TheDaySumsItsHoursAndASiteFilterKeepsOnlyThatSite()
    {
        await ScanTheDayAsync();

        var day = await App.StatsAsync(Day, Day.AddDays(1), Granularities.Day);
        var pmc = await App.StatsAsync(Day, Day.AddDays(1), Granularities.Day, site: "PMC");

        Assert.Equal(
            [
                "PMC 2026-03-16T00 valid 5 invalid 3 offline 2 reasons [expired=1 malformed=1 revoked=1] directions [check=5 entry=2 exit=1]",
                "VILLEJUIF 2026-03-16T00 valid 0 invalid 1 offline 0 reasons [wrong_site=1] directions [check=1]",
            ],
            day.Scans.Select(b => b.Line()));
        Assert.Equal([day.Scans[0]], pmc.Scans, (a, b) => a.Line() == b.Line());
    }

    [Fact]
    public async Task OccupancyKeepsEachBucketsPeakAndLastCountWithTheCapacity()
    {
        await ScanTheDayAsync();

        var hours = await App.StatsAsync(Start, Start.AddHours(2), site: "PMC");
        var day = await App.StatsAsync(Start, Start.AddDays(1), Granularities.Day, site: "PMC");

        Assert.Equal(["PMC 2026-03-16T08 peak 1 last 1 capacity none", "PMC 2026-03-16T09 peak 0 last 0 capacity none"], hours.Occupancy.Select(b => b.Line()));
        Assert.Equal(["PMC 2026-03-16T00 peak 1 last 0 capacity none"], day.Occupancy.Select(b => b.Line()));
    }

    [Fact]
    public async Task ARangeOutsideTheEventsIsEmptyAndBucketsWithoutEventsAreLeftOut()
    {
        await ScanTheDayAsync();

        var before = await App.StatsAsync(Start.AddDays(-3), Start.AddDays(-1), Granularities.Day);
        var hours = await App.StatsAsync(Start.AddHours(-5), Start.AddHours(5), site: "JUSSIEU");

        Assert.Equal((0, 0, 0), (before.Scans.Count, before.Passes.Count, before.Occupancy.Count));
        Assert.Empty(hours.Scans);
    }
}
