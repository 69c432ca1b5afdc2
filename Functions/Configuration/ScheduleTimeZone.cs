using AccessPmc.PassFormat;

namespace AccessPmc.Functions.Configuration;

/// <summary>
/// Timer schedules are UTC under both hosts (decisions.md, "Timer schedules are UTC"). The Functions host
/// evaluates them in its process's local time zone (TZ, else /etc/localtime) and on Linux ignores
/// <c>WEBSITE_TIME_ZONE</c>; SelfHost evaluates them in UTC. So both refuse a
/// <c>WEBSITE_TIME_ZONE</c> other than UTC, and the worker refuses to run under a host whose local zone
/// is not UTC: the same settings never fire the purge at different hours.
/// </summary>
public static class ScheduleTimeZone
{
    public const string Setting = "WEBSITE_TIME_ZONE";

    /// <exception cref="SettingsException">The setting names a zone other than UTC, or no zone.</exception>
    public static void CheckSetting(string? websiteTimeZone)
    {
        if (string.IsNullOrWhiteSpace(websiteTimeZone)
            || (TimeZoneInfo.TryFindSystemTimeZoneById(websiteTimeZone, out var zone) && IsUtc(zone)))
        {
            return;
        }

        throw new SettingsException(Setting,
            $"'{websiteTimeZone}': timer schedules are UTC under both hosts (the Functions host on Linux ignores this setting); remove it and write the schedules in UTC.");
    }

    /// <summary>Under the Functions host: the worker inherits the host's zone, the one the host fires timers in.</summary>
    /// <exception cref="SettingsException">The process's local zone is not UTC.</exception>
    public static void CheckFunctionsHost(TimeZoneInfo local)
    {
        if (!IsUtc(local))
        {
            throw new SettingsException("TZ",
                $"the Functions host runs timers in its local time zone, here {local.Id}; schedules are UTC: start the host with TZ=UTC.");
        }
    }

    private static bool IsUtc(TimeZoneInfo zone) => zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime;
}
