using System.Globalization;
using System.Text.RegularExpressions;
using AccessPmc.Contracts;
using AccessPmc.Functions.Security;
using AccessPmc.PassFormat;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Passes;

/// <summary>
/// Checks an issue request against the catalogue, the kind policy and the caller's scope; returns the
/// normalised draft or the rule it broke (never HTTP: the functions map a <see cref="Violation"/>).
/// </summary>
public sealed partial class PassRules(IOptions<AccessPmcOptions> options)
{
    public const int MaxNameLength = 64;

    /// <summary>Site codes (plus one byte each) that, with a full label, still fit a 512-character code.</summary>
    public const int MaxSiteText = 120;

    private AccessPmcOptions Policy => options.Value;

    public Checked<PassDraft> Validate(IssuePassRequest request, ApiCaller caller, DateTimeOffset now)
    {
        if (Name(request.GivenName) is not { } given)
        {
            return Violation.Invalid(ErrorCodes.ValidationFailed, "givenName", $"Required, 1 to {MaxNameLength} printable characters.");
        }

        if (Name(request.FamilyName) is not { } family)
        {
            return Violation.Invalid(ErrorCodes.ValidationFailed, "familyName", $"Required, 1 to {MaxNameLength} printable characters.");
        }

        if (request.Kind is not { } kind || Policy.Kinds.Find(kind) is not { } policy)
        {
            return Violation.Invalid(ErrorCodes.UnknownKind, "kind", $"One of: {string.Join(", ", PassKinds.All)}.");
        }

        var sites = Sites(request.Sites, caller);
        if (sites.Violation is not null)
        {
            return sites.Violation;
        }

        var unit = Unit(request.Unit, caller);
        if (unit.Violation is not null)
        {
            return unit.Violation;
        }

        var from = Truncate(request.ValidFrom ?? now);
        var until = Truncate(request.ValidUntil ?? from + policy.MaxValidity);
        if (until <= from)
        {
            return Violation.Invalid(ErrorCodes.ValidityReversed, "validUntil", "validUntil must be after validFrom.");
        }

        if (until - from > policy.MaxValidity)
        {
            return Violation.Invalid(ErrorCodes.ValidityTooLong, "validUntil", $"A {kind} pass lasts at most {policy.MaxValidity.TotalDays.ToString(CultureInfo.InvariantCulture)} days.");
        }

        if (policy.AllowedHours is { } hours
            && sites.Value!.Select(code => Policy.FindSite(code)!).Any(site => !policy.Allows(from, site.TimeZone) || !policy.Allows(until, site.TimeZone)))
        {
            return Violation.Invalid(ErrorCodes.OutsideAllowedHours, "validFrom", $"A {kind} pass starts and ends between {hours}, site time.");
        }

        if (until <= now)
        {
            return Violation.Invalid(ErrorCodes.ValidityInPast, "validUntil", "validUntil is already past.");
        }

        return new PassDraft(given, family, kind, from, until, sites.Value!, unit.Value!, Label(given, family));
    }

    private Checked<IReadOnlyList<string>> Sites(IReadOnlyList<string>? requested, ApiCaller caller)
    {
        if (requested is not { Count: > 0 and <= ClaimsCbor.MaxSites })
        {
            return Violation.Invalid(ErrorCodes.UnknownSite, "sites", $"Give 1 to {ClaimsCbor.MaxSites} site codes.");
        }

        var sites = new List<string>(requested.Count);
        foreach (var code in requested)
        {
            if (code is null || Policy.FindSite(code) is not { } site)
            {
                return Violation.Invalid(ErrorCodes.UnknownSite, "sites", $"Unknown site '{Truncate(code)}'. Known: {string.Join(", ", Policy.Sites.Select(s => s.Code))}.");
            }

            if (!caller.MayUseSite(site.Code))
            {
                return Violation.Forbidden(ErrorCodes.SiteNotAllowed, $"This client may not issue passes for site {site.Code}.");
            }

            if (!sites.Contains(site.Code))
            {
                sites.Add(site.Code);
            }
        }

        // Keeps every code under PassCodec.MaxCodeLength, which readers enforce before decoding.
        if (sites.Sum(s => s.Length + 1) > MaxSiteText)
        {
            return Violation.Invalid(ErrorCodes.UnknownSite, "sites", $"Too many or too long site codes for one pass (at most {MaxSiteText} characters in all).");
        }

        return sites;
    }

    /// <summary>
    /// The unit a request acts for: the one named, or the caller's only unit when none is named. The one
    /// rule for issuing and listing. Refused when missing (several units), malformed, or outside the scope.
    /// </summary>
    public static Checked<string> Unit(string? requested, ApiCaller caller)
    {
        if (requested is null)
        {
            return caller.Units is [var only] && only != ApiCaller.Everything
                ? only
                : Violation.Invalid(ErrorCodes.ValidationFailed, "unit", "This client serves several units: say which.");
        }

        if (!UnitCode().IsMatch(requested))
        {
            return Violation.Invalid(ErrorCodes.UnknownUnit, "unit", "A unit code is 1 to 32 letters, digits or '-'.");
        }

        return caller.MayUseUnit(requested)
            ? requested
            : Violation.Forbidden(ErrorCodes.Forbidden, $"This client does not serve unit {requested}.");
    }

    private string? Label(string given, string family)
    {
        if (Policy.DisplayLabel == "none")
        {
            return null;
        }

        var label = $"{char.ToUpperInvariant(given[0])}. {family.ToUpperInvariant()}";
        return label.Length <= ClaimsCbor.MaxLabelLength ? label : label[..ClaimsCbor.MaxLabelLength].TrimEnd();
    }

    /// <summary>A holder's given or family name, trimmed: 1 to <see cref="MaxNameLength"/> characters, no control character; else null.</summary>
    public static string? Name(string? value) =>
        value?.Trim() is { Length: > 0 and <= MaxNameLength } name && !name.Any(char.IsControl) ? name : null;

    public static bool IsUnitCode(string unit) => UnitCode().IsMatch(unit);

    private static DateTimeOffset Truncate(DateTimeOffset t) => DateTimeOffset.FromUnixTimeSeconds(t.ToUnixTimeSeconds());

    private static string? Truncate(string? s) => s is { Length: > 20 } ? s[..20] + "…" : s;

    [GeneratedRegex(@"^[A-Za-z0-9-]{1,32}\z")]
    private static partial Regex UnitCode();
}
