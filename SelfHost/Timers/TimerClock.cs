using AccessPmc.SelfHost.Metadata;

namespace AccessPmc.SelfHost.Timers;

/// <summary>
/// Evaluates schedules in one time zone: UTC unless WEBSITE_TIME_ZONE names another (the setting the
/// Functions host reads on App Service; IANA ids such as Europe/Paris, or Windows ids where available).
/// TZ is not read: it would silently change the whole process's local time.
/// </summary>
public sealed class TimerClock(TimeZoneInfo zone)
{
    public const string Setting = "WEBSITE_TIME_ZONE";

    public TimeZoneInfo Zone { get; } = zone;

    public static TimerClock FromSetting(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return new TimerClock(TimeZoneInfo.Utc);
        }

        try
        {
            return new TimerClock(TimeZoneInfo.FindSystemTimeZoneById(id));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new SelfHostStartupException($"{Setting}: unknown time zone '{id}'.");
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, as a UTC instant.</summary>
    public DateTimeOffset NextAfter(TimerFunction timer, DateTimeOffset after)
    {
        var local = TimeZoneInfo.ConvertTime(after, Zone).DateTime;
        var next = timer.Cron.GetNextOccurrence(local);
        while (Zone.IsInvalidTime(next))
        {
            // A wall-clock time skipped by a daylight-saving jump never happens: take the following one.
            next = timer.Cron.GetNextOccurrence(next);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(next, Zone), TimeSpan.Zero);
    }
}
