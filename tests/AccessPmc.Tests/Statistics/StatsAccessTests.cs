using AccessPmc.Contracts;

namespace AccessPmc.Tests.Statistics;

/// <summary>Who may read which statistics, and what bad parameters get: problem+json with a stable code, never a 500.</summary>
public sealed class StatsAccessTests(AzuriteFixture azurite) : AppTests(azurite, "astats")
{
    private static readonly DateTimeOffset Start = TestApp.Start;

    [Fact]
    public async Task ScannersAre403AndCallersWithoutAKey401()
    {
        var scanner = await App.StatsReplyAsync(key: TestApp.ScannerKey);
        var anonymous = await App.StatsReplyAsync(key: null);

        Assert.Equal((403, ErrorCodes.Forbidden, "application/problem+json"), (scanner.Status, scanner.ProblemCode(), scanner.ContentType));
        Assert.Equal((401, ErrorCodes.Unauthenticated), (anonymous.Status, anonymous.ProblemCode()));
    }

    [Fact]
    public async Task AnIssuerSeesScansAndOccupancyOfItsOwnSitesOnly()
    {
        var pass = await App.IssuedAsync(Calls.Typical(sites: ["PMC", "VILLEJUIF"]) with { Unit = "CHEM" }, TestApp.OtherIssuerKey);
        await App.EnterAsync(pass.Code, "PMC");
        await App.ScanAsync(pass.Code, "VILLEJUIF", Directions.Entry, TestApp.AdminKey);

        var phys = await App.StatsAsync(Start, Start.AddHours(1), key: TestApp.IssuerKey);
        var elsewhere = await App.StatsReplyAsync(StatsCalls.Query(Start, Start.AddHours(1), site: "VILLEJUIF"), TestApp.IssuerKey);
        var admin = await App.StatsAsync(Start, Start.AddHours(1));

        Assert.Equal(["PMC"], phys.Scans.Select(b => b.Site));
        Assert.Equal(["PMC"], phys.Occupancy.Select(b => b.Site));
        Assert.Empty(phys.Passes);
        Assert.Equal((403, ErrorCodes.SiteNotAllowed), (elsewhere.Status, elsewhere.ProblemCode()));
        Assert.Equal(["PMC", "VILLEJUIF"], admin.Scans.Select(b => b.Site));
    }

    [Theory]
    [InlineData("?granularity=week", ErrorCodes.UnknownGranularity, "granularity")]
    [InlineData("?granularity=Hour", ErrorCodes.UnknownGranularity, "granularity")]
    [InlineData("?from=2026-03-16T08:00:00", ErrorCodes.InvalidDate, "from")]
    [InlineData("?to=2026-03-16", ErrorCodes.InvalidDate, "to")]
    [InlineData("?from=yesterday", ErrorCodes.InvalidDate, "from")]
    [InlineData("?from=2026-03-16T10:00:00Z&to=2026-03-16T08:00:00Z", ErrorCodes.InvalidRange, "from")]
    [InlineData("?from=2026-03-16T08:00:00Z&to=2026-03-16T08:00:00Z", ErrorCodes.InvalidRange, "from")]
    [InlineData("?from=2026-02-01T00:00:00Z&to=2026-03-05T00:00:00Z", ErrorCodes.InvalidRange, "from")]
    [InlineData("?granularity=day&from=2025-01-01T00:00:00Z&to=2026-01-03T00:00:00Z", ErrorCodes.InvalidRange, "from")]
    [InlineData("?from=1999-12-31T00:00:00Z&to=2000-01-02T00:00:00Z", ErrorCodes.DateOutOfRange, "from")]
    [InlineData("?granularity=day&from=2099-12-31T00:00:00Z&to=9999-12-31T23:59:59Z", ErrorCodes.DateOutOfRange, "to")]
    [InlineData("?site=NOWHERE", ErrorCodes.UnknownSite, "site")]
    [InlineData("?unit=not%20a%20unit", ErrorCodes.UnknownUnit, "unit")]
    [InlineData("?site=PMC&site=JUSSIEU", ErrorCodes.ValidationFailed, "site")]
    public async Task BadParametersAre400WithAStableCodeAndTheField(string query, string code, string field)
    {
        var reply = await App.StatsReplyAsync(query);

        Assert.Equal((400, code, "application/problem+json"), (reply.Status, reply.ProblemCode(), reply.ContentType));
        Assert.Contains($"\"{field}\"", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutARangeTheLastDayOfHoursOrMonthOfDaysUpToTheCurrentBucketIsRead()
    {
        App.Clock.SetUtcNow(Start.AddMinutes(25));

        var hours = (await App.StatsReplyAsync()).Json<StatsResponse>();
        var days = (await App.StatsReplyAsync("?granularity=day")).Json<StatsResponse>();

        Assert.Equal((Start.AddHours(-23), Start.AddHours(1), Granularities.Hour), (hours.From, hours.To, hours.Granularity));
        Assert.Equal((new DateTimeOffset(2026, 2, 15, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 17, 0, 0, 0, TimeSpan.Zero)), (days.From, days.To));
    }

    [Fact]
    public async Task ARangeIsWidenedToWholeBucketsInUtcWhateverTheOffsetGiven()
    {
        var reply = await App.StatsReplyAsync("?from=2026-03-16T09:30:00%2B01:00&to=2026-03-16T09:10:00Z");

        var stats = reply.Json<StatsResponse>();
        Assert.Equal((Start, Start.AddHours(2)), (stats.From, stats.To));
        Assert.Equal("no-store", reply.Headers.CacheControl.ToString());
    }
}
