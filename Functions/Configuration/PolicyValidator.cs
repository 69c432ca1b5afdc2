using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Configuration;

/// <summary>
/// The <see cref="AccessPmcOptions"/> rules attributes cannot express, each failure naming the setting as
/// an environment variable: positive validities, allowed-hours windows, sites' time zones. (Kind names the
/// binder would ignore, such as the old <c>long-term</c> form, are refused by <see cref="SettingsShape"/>.)
/// </summary>
internal sealed class PolicyValidator : IValidateOptions<AccessPmcOptions>
{
    private const string Kinds = AccessPmcOptions.Section + "__Kinds__";

    public ValidateOptionsResult Validate(string? name, AccessPmcOptions options)
    {
        var failures = KindPolicies(options).Concat(TimeZones(options)).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> KindPolicies(AccessPmcOptions options)
    {
        foreach (var (setting, policy) in options.Kinds.All)
        {
            if (policy.MaxValidity <= TimeSpan.Zero)
            {
                yield return $"{Kinds}{setting}__MaxValidity: must be positive, e.g. 7.00:00:00 for 7 days.";
            }

            if (!string.IsNullOrEmpty(policy.AllowedHours) && policy.Window() is null)
            {
                yield return $"{Kinds}{setting}__AllowedHours: HH:mm-HH:mm with the start before the end, e.g. 07:00-20:00 (empty: any hour).";
            }
        }
    }

    private static IEnumerable<string> TimeZones(AccessPmcOptions options) =>
        options.Sites.Select((site, i) => (site, i))
            .Where(p => !TimeZoneInfo.TryFindSystemTimeZoneById(p.site.TimeZone, out _))
            .Select(p => $"{AccessPmcOptions.Section}__Sites__{p.i}__TimeZone: '{p.site.TimeZone}' is not a time zone; use an IANA id such as Europe/Paris.");
}
