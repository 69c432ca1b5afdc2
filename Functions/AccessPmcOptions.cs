using System.ComponentModel.DataAnnotations;
using AccessPmc.Functions.Configuration;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions;

/// <summary>Business policy: the site catalogue, what each kind of pass may be, retention, limits.</summary>
public sealed class AccessPmcOptions
{
    public const string Section = "AccessPmc";

    /// <summary>The site catalogue; each item is validated (code pattern, time zone) at start.</summary>
    [MinLength(1, ErrorMessage = "{0}: no site configured; set at least AccessPmc__Sites__0__Code (and its __Name and __TimeZone)."), ValidateEnumeratedItems]
    public List<SiteOptions> Sites { get; set; } = [];

    /// <summary>The policy of each kind, set as <c>AccessPmc__Kinds__LongTerm__MaxValidity</c> (<see cref="KindPolicies"/>).</summary>
    public KindPolicies Kinds { get; set; } = new();

    /// <summary><c>initial-family</c> ("J. DUPONT") or <c>none</c>: what the QR code shows the agent.</summary>
    [RegularExpression("^(initial-family|none)$", ErrorMessage = "{0}: initial-family or none.")]
    public string DisplayLabel { get; set; } = "initial-family";

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long holder data is kept after a pass ends (expiry or revocation).</summary>
    public TimeSpan PersonalDataRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Access-control logs: 3 months is the CNIL figure.</summary>
    public TimeSpan ScanEventRetention { get; set; } = TimeSpan.FromDays(92);

    [SettingRange(1, 100_000, ErrorMessage = "{0}: a whole number from {1} to {2}.")]
    public int ExpiryMaxPerRun { get; set; } = 10_000;

    [SettingRange(1024, 16 * 1024 * 1024, ErrorMessage = "{0}: a number of bytes from {1} to {2}.")]
    public int MaxBodyBytes { get; set; } = 32 * 1024;

    [SettingRange(1024, 64 * 1024 * 1024, ErrorMessage = "{0}: a number of bytes from {1} to {2}.")]
    public int MaxBatchBodyBytes { get; set; } = 1024 * 1024;

    [SettingRange(1, 10_000, ErrorMessage = "{0}: a whole number from {1} to {2}.")]
    public int MaxBatchItems { get; set; } = 1000;

    [SettingRange(1, 1000, ErrorMessage = "{0}: a whole number from {1} to {2}.")]
    public int MaxPageSize { get; set; } = 100;

    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    public SiteOptions? FindSite(string code) =>
        Sites.Find(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Validates <see cref="AccessPmcOptions"/> and each of its sites (generated: attributes of list items included).</summary>
[OptionsValidator]
public sealed partial class AccessPmcOptionsValidator : IValidateOptions<AccessPmcOptions>;

public sealed class SiteOptions
{
    /// <summary>What passes carry: 1 to 16 capitals, digits or '-' (<see cref="PassFormat.SiteCodes"/>).</summary>
    [Required(ErrorMessage = "{0}: required; 1 to 16 capital letters, digits or '-', e.g. PMC.")]
    [RegularExpression(@"^[A-Z0-9-]{1,16}\z", ErrorMessage = "{0}: 1 to 16 capital letters, digits or '-', e.g. PMC.")]
    [UniqueInList]
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>People inside at once; an entry beyond it is <c>site_full</c> (or only warned, see <see cref="CapacityMode"/>). Null: no limit.</summary>
    [SettingRange(1, 1_000_000, ErrorMessage = "{0}: a whole number of people from {1} to {2}, or empty for no limit.")]
    public int? Capacity { get; set; }

    /// <summary><c>refuse</c> (default): an entry over <see cref="Capacity"/> is refused; <c>warn</c>: admitted, and the answer shows occupancy over capacity.</summary>
    [RegularExpression(@"^(refuse|warn)\z", ErrorMessage = "{0}: refuse or warn.")]
    public string CapacityMode { get; set; } = PresenceModes.Refuse;

    /// <summary><c>refuse</c> (default): an entry of a pass already inside is <c>already_inside</c>; <c>warn</c>: admitted, the answer says when and where it entered. Both record an anomaly.</summary>
    [RegularExpression(@"^(refuse|warn)\z", ErrorMessage = "{0}: refuse or warn.")]
    public string AntiPassback { get; set; } = PresenceModes.Refuse;

    /// <summary>Local time (<c>HH:mm</c>, in <see cref="TimeZone"/>) at which everyone still counted inside is counted out, for people who forget to scan out.</summary>
    [RegularExpression(@"^([01][0-9]|2[0-3]):[0-5][0-9]\z", ErrorMessage = "{0}: a local time as HH:mm, from 00:00 to 23:59, e.g. 03:00.")]
    public string DailyReset { get; set; } = "03:00";

    public bool RefusesWhenFull => CapacityMode == PresenceModes.Refuse;

    public bool RefusesPassback => AntiPassback == PresenceModes.Refuse;
}

/// <summary>What a site does when a presence rule is broken: refuse the entry, or admit it with a warning.</summary>
public static class PresenceModes
{
    public const string Refuse = "refuse";
    public const string Warn = "warn";
}

/// <summary>
/// The policy of each pass kind. A kind's wire name (<c>long-term</c>) cannot be a setting name: systemd
/// and bash refuse a '-' in an environment variable. So each kind is a property named in PascalCase
/// (<c>AccessPmc__Kinds__LongTerm__MaxValidity</c>) and <see cref="Find"/> maps wire names to it.
/// </summary>
public sealed class KindPolicies
{
    public KindPolicy Temporary { get; set; } = new() { MaxValidity = TimeSpan.FromDays(7) };

    public KindPolicy LongTerm { get; set; } = new() { MaxValidity = TimeSpan.FromDays(366) };

    public KindPolicy Attestation { get; set; } = new() { MaxValidity = TimeSpan.FromDays(31) };

    /// <summary>Wire name → setting name, for every kind in <see cref="Contracts.PassKinds.All"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> SettingNames = new Dictionary<string, string>
    {
        [Contracts.PassKinds.Temporary] = nameof(Temporary),
        [Contracts.PassKinds.LongTerm] = nameof(LongTerm),
        [Contracts.PassKinds.Attestation] = nameof(Attestation),
    };

    /// <summary>The policy of a kind by its exact wire name, or null for an unknown kind.</summary>
    public KindPolicy? Find(string kind) => kind switch
    {
        Contracts.PassKinds.Temporary => Temporary,
        Contracts.PassKinds.LongTerm => LongTerm,
        Contracts.PassKinds.Attestation => Attestation,
        _ => null,
    };

    /// <summary>Each kind's policy with its setting name (<c>LongTerm</c>).</summary>
    public IEnumerable<(string Setting, KindPolicy Policy)> All =>
        [(nameof(Temporary), Temporary), (nameof(LongTerm), LongTerm), (nameof(Attestation), Attestation)];
}

public sealed class KindPolicy
{
    public TimeSpan MaxValidity { get; set; }

    /// <summary>
    /// Optional daily window, e.g. <c>07:00-20:00</c>: a pass of this kind must start and end inside
    /// it, in the time zone of each of its sites (checked at issuance; the format is checked at start
    /// through <see cref="Window"/>).
    /// </summary>
    public string? AllowedHours { get; set; }

    /// <summary>
    /// The latest end of a pass of this kind starting at <paramref name="from"/>: the whole days of
    /// <see cref="MaxValidity"/> are calendar days in <paramref name="timeZone"/> (a week from 08:00 ends at
    /// 08:00 local, across a daylight-saving change too), the rest is elapsed time.
    /// </summary>
    public DateTimeOffset LatestEnd(DateTimeOffset from, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var days = (int)MaxValidity.TotalDays;
        var local = TimeZoneInfo.ConvertTime(from, zone).DateTime.AddDays(days) + (MaxValidity - TimeSpan.FromDays(days));
        if (zone.IsInvalidTime(local))
        {
            // A wall-clock time skipped by a daylight-saving jump: the hour after it is the same instant.
            local = local.AddHours(1);
        }

        // A repeated wall-clock time (autumn): the later of its two instants, the one a holder would expect.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Min() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    public bool Allows(DateTimeOffset at, string timeZone)
    {
        if (string.IsNullOrEmpty(AllowedHours))
        {
            return true;
        }

        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);
        var (from, to) = Window()!.Value;
        return local >= from && local <= to;
    }

    /// <summary>The window, or null when it is not two real times in order (refused at startup); empty means no window.</summary>
    public (TimeOnly From, TimeOnly To)? Window() =>
        AllowedHours is { Length: 11 }
        && TimeOnly.TryParseExact(AllowedHours[..5], "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var from)
        && TimeOnly.TryParseExact(AllowedHours[6..], "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var to)
        && from < to
            ? (from, to)
            : null;
}
