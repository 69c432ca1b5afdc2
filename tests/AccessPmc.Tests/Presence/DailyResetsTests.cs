using AccessPmc.Functions;
using AccessPmc.Functions.Presence;

namespace AccessPmc.Tests.Presence;

/// <summary>The reset instant in the site's zone, across daylight-saving changes (Europe/Paris, 2026: 29 March and 25 October).</summary>
public sealed class DailyResetsTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Theory]
    [InlineData("2026-03-28", "02:30", "2026-03-28T01:30:00Z")] // winter time, +1
    [InlineData("2026-03-29", "02:30", "2026-03-29T01:30:00Z")] // skipped: 02:00 jumps to 03:00, so 03:30 local
    [InlineData("2026-03-29", "03:00", "2026-03-29T01:00:00Z")] // the first instant after the jump
    [InlineData("2026-03-30", "02:30", "2026-03-30T00:30:00Z")] // summer time, +2
    [InlineData("2026-10-25", "02:30", "2026-10-25T00:30:00Z")] // twice: the first occurrence, still +2
    [InlineData("2026-10-26", "02:30", "2026-10-26T01:30:00Z")] // winter time again
    public void LocalResetTimeBecomesOneUtcInstantPerDay(string date, string time, string utc)
    {
        var at = DailyResets.At(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), Paris);

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), at);
    }

    [Theory]
    [InlineData("2026-03-16T01:59:00Z", "2026-03-15T02:00:00Z")] // 02:59 local: today's 03:00 is not due yet
    [InlineData("2026-03-16T02:00:00Z", "2026-03-16T02:00:00Z")] // exactly due
    [InlineData("2026-03-16T23:30:00Z", "2026-03-16T02:00:00Z")] // 00:30 local on the 17th
    public void LastDueIsTheLatestResetAtOrBeforeNow(string now, string due)
    {
        var site = new SiteOptions { Code = "PMC", TimeZone = "Europe/Paris", DailyReset = "03:00" };

        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture), DailyResets.LastDue(site, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
