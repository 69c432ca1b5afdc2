using AccessPmc.Functions.Configuration;
using AccessPmc.PassFormat;

namespace AccessPmc.Tests.Configuration;

/// <summary>Under the Functions host the worker refuses to start when the host would fire timers in another zone than UTC.</summary>
public sealed class ScheduleTimeZoneTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("UTC")]
    [InlineData("Etc/UTC")]
    public void UnsetOrUtcWebsiteTimeZoneIsAccepted(string? zone) => ScheduleTimeZone.CheckSetting(zone);

    [Theory]
    [InlineData("Europe/Paris")]
    [InlineData("Europe/London")]
    [InlineData("Romance Standard Time")]
    [InlineData("Mars/Olympus")]
    public void OtherWebsiteTimeZonesAreRefusedNamingTheSetting(string zone)
    {
        var error = Assert.Throws<SettingsException>(() => ScheduleTimeZone.CheckSetting(zone));

        Assert.Equal("WEBSITE_TIME_ZONE", error.Setting);
    }

    [Fact]
    public void AHostProcessOutsideUtcIsRefusedWithTheFix()
    {
        var error = Assert.Throws<SettingsException>(() => ScheduleTimeZone.CheckFunctionsHost(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")));

        Assert.StartsWith("TZ: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("TZ=UTC", error.Message, StringComparison.Ordinal);
        ScheduleTimeZone.CheckFunctionsHost(TimeZoneInfo.Utc);
    }
}
