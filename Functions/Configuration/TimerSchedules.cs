using System.Reflection;
using AccessPmc.PassFormat;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using NCrontab;

namespace AccessPmc.Functions.Configuration;

/// <summary>
/// The timer schedules set by settings (<c>%ExpirePassesSchedule%</c>), checked by the app itself at start
/// so both hosts refuse alike: the Functions host would also take 5 fields (minute first) or a TimeSpan,
/// SelfHost only 6, so the same value would fire at different times, or not start, depending on the host.
/// A refusal names the setting and, for a bad field, which field.
/// </summary>
public static class TimerSchedules
{
    private static readonly string[] Fields = ["second", "minute", "hour", "day-of-month", "month", "day-of-week"];

    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };

    /// <summary>The settings named by the app's timer triggers, in <c>%Name%</c> form.</summary>
    public static IReadOnlyList<string> Settings { get; } = typeof(TimerSchedules).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .SelectMany(m => m.GetParameters())
        .Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()?.Schedule)
        .OfType<string>()
        .Where(s => s.Length > 2 && s.StartsWith('%') && s.EndsWith('%'))
        .Select(s => s[1..^1])
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <exception cref="AggregateException">Of one <see cref="SettingsException"/> per schedule setting unset or not a 6-field NCRONTAB expression.</exception>
    public static void Check(IConfiguration configuration)
    {
        var failures = new List<SettingsException>();
        foreach (var setting in Settings)
        {
            try
            {
                Parse(setting, configuration[setting]);
            }
            catch (SettingsException e)
            {
                failures.Add(e);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException(failures);
        }
    }

    /// <exception cref="SettingsException">Unset, not 6 fields, or a field NCRONTAB cannot read (named).</exception>
    public static CrontabSchedule Parse(string setting, string? value)
    {
        const string Form = "6 fields, in UTC: second minute hour day-of-month month day-of-week, e.g. 0 */5 * * * * for every 5 minutes, 0 30 2 * * * for 02:30 UTC";
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new SettingsException(setting, $"not set; give the schedule as {Form}.");
        }

        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != Fields.Length)
        {
            throw new SettingsException(setting, $"'{value}' has {fields.Length} field{(fields.Length == 1 ? "" : "s")}; write {Form}.");
        }

        // NCRONTAB says only that the expression is invalid: each field is tried alone to name the bad one.
        for (var i = 0; i < fields.Length; i++)
        {
            var alone = string.Join(' ', Fields.Select((_, j) => j == i ? fields[i] : "*"));
            if (CrontabSchedule.TryParse(alone, WithSeconds) is null)
            {
                throw new SettingsException(setting, $"'{value}': the {Fields[i]} field ({i + 1} of 6), '{fields[i]}', cannot be read; write {Form}.");
            }
        }

        return CrontabSchedule.TryParse(value, WithSeconds)
            ?? throw new SettingsException(setting, $"'{value}' is not a valid schedule; write {Form}.");
    }
}
