using System.ComponentModel.DataAnnotations;
using AccessPmc.Functions.Configuration;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Presence;

/// <summary>
/// Anomaly rules (settings <c>Presence__*</c>). Per-site presence rules (capacity, modes, daily reset) are in
/// <see cref="SiteOptions"/>; the reset timer's schedule is <c>PresenceResetSchedule</c>.
/// </summary>
public sealed class PresenceOptions
{
    public const string Section = "Presence";

    /// <summary>Entries of one pass at two different sites closer in time than this are <c>travel_too_fast</c>; zero turns the rule off.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "{0}: a duration from {1} to {2}, e.g. 00:30:00 for 30 minutes (00:00:00 turns the rule off).")]
    public TimeSpan TravelTime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>This many forged or unknown-key codes from one scanner within <see cref="ProbeWindow"/> make a <c>probe</c>.</summary>
    [SettingRange(2, 10_000, ErrorMessage = "{0}: a whole number from {1} to {2}.")]
    public int ProbeCodes { get; set; } = 10;

    [SettingRange(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "{0}: a duration from {1} to {2}, e.g. 00:01:00 for one minute.")]
    public TimeSpan ProbeWindow { get; set; } = TimeSpan.FromMinutes(1);
}

[OptionsValidator]
public sealed partial class PresenceOptionsValidator : IValidateOptions<PresenceOptions>;
