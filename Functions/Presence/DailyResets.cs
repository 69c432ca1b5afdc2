using System.Globalization;

namespace AccessPmc.Functions.Presence;

/// <summary>
/// When a site's daily presence reset falls, in the site's time zone, across daylight-saving changes: a reset
/// time skipped by the spring change (02:30 when clocks jump from 02:00 to 03:00) falls that many minutes
/// later (03:30 local, the same UTC instant as 02:30 in winter time); a time that occurs twice in autumn falls
/// on its first occurrence. So there is exactly one reset per local day.
/// </summary>
public static class DailyResets
{
    /// <summary>The latest reset instant at or before <paramref name="now"/> (UTC) for <paramref name="site"/>.</summary>
    public static DateTimeOffset LastDue(SiteOptions site, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(site.TimeZone);
        var time = TimeOnly.ParseExact(site.DailyReset, "HH:mm", CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var due = At(today, time, zone);
        return due <= now ? due : At(today.AddDays(-1), time, zone);
    }

    /// <summary>The UTC instant of a local date and time in <paramref name="zone"/>, resolved as the class says.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // Skipped: take the offset in force just before the jump, which lands after it by the gap's length.
            offset = zone.GetUtcOffset(local.AddHours(-3));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
