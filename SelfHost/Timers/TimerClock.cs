using AccessPmc.Functions.Configuration;
using AccessPmc.SelfHost.Metadata;

namespace AccessPmc.SelfHost.Timers;

/// <summary>
/// Evaluates schedules in UTC, as the Functions host does when it runs with TZ=UTC
/// (<see cref="ScheduleTimeZone"/>): a WEBSITE_TIME_ZONE other than UTC is refused at start. TZ is not read:
/// SelfHost's schedules never depend on the machine's zone.
/// </summary>
public sealed class TimerClock
{
    private TimerClock()
    {
    }

    public TimeZoneInfo Zone => TimeZoneInfo.Utc;

    /// <exception cref="PassFormat.SettingsException">WEBSITE_TIME_ZONE names a zone other than UTC.</exception>
    public static TimerClock FromSetting(string? websiteTimeZone)
    {
        ScheduleTimeZone.CheckSetting(websiteTimeZone);
        return new TimerClock();
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, as a UTC instant.</summary>
    public DateTimeOffset NextAfter(TimerFunction timer, DateTimeOffset after) =>
        new(DateTime.SpecifyKind(timer.Cron.GetNextOccurrence(after.UtcDateTime), DateTimeKind.Utc));
}
