using System.Globalization;
using System.Text.RegularExpressions;
using AccessPmc.Contracts;
using AccessPmc.Functions.Security;
using AccessPmc.Functions.Text;
using AccessPmc.PassFormat;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Passes;

/// <summary>
/// Checks an issue request against the catalogue, the kind policy and the caller's scope; returns the
/// normalised draft or the rule it broke (never HTTP: the functions map a <see cref="Violation"/>).
/// </summary>
public sealed partial class PassRules(IOptions<AccessPmcOptions> options)
{
    /// <summary>Site codes (plus one byte each) that, with a full label, still fit a 512-character code.</summary>
    public const int MaxSiteText = 120;

    private AccessPmcOptions Policy => options.Value;

    public Checked<PassDraft> Validate(IssuePassRequest request, ApiCaller caller, DateTimeOffset now)
    {
        var given = HolderNames.Given.Check(request.GivenName);
        if (given.Violation is not null)
        {
            return given.Violation;
        }

        var family = HolderNames.Family.Check(request.FamilyName);
        if (family.Violation is not null)
        {
            return family.Violation;
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

        if ((OutOfRange(request.ValidFrom, "validFrom") ?? OutOfRange(request.ValidUntil, "validUntil")) is { } outOfRange)
        {
            return outOfRange;
        }

        var zones = sites.Value!.Select(code => Policy.FindSite(code)!.TimeZone).Distinct().ToList();
        var from = Truncate(request.ValidFrom ?? now);
        var latest = zones.Min(zone => policy.LatestEnd(from, zone));
        var until = Truncate(request.ValidUntil ?? latest);
        if (request.ValidUntil is null && OutOfRange(until, "validUntil") is { } lateDefault)
        {
            // The kind's default end is computed, not sent: it must obey the same bounds.
            return lateDefault with { Message = $"The default end ({until:O}) falls after {LatestDate:yyyy-MM-dd}: give validUntil." };
        }

        if (until <= from)
        {
            return Violation.Invalid(ErrorCodes.ValidityReversed, "validUntil", "validUntil must be after validFrom.");
        }

        if (until > latest)
        {
            return Violation.Invalid(ErrorCodes.ValidityTooLong, "validUntil", $"{Article(kind)} {kind} pass lasts at most {policy.MaxValidity.TotalDays.ToString(CultureInfo.InvariantCulture)} days (calendar days, site time): from {from:O} it may end at {latest:O}.");
        }

        if (policy.AllowedHours is { } hours && zones.Any(zone => !policy.Allows(from, zone) || !policy.Allows(until, zone)))
        {
            return Violation.Invalid(ErrorCodes.OutsideAllowedHours, "validFrom", $"{Article(kind)} {kind} pass starts and ends between {hours}, site time.");
        }

        if (until <= now)
        {
            return Violation.Invalid(ErrorCodes.ValidityInPast, "validUntil", "validUntil is already past.");
        }

        var label = Policy.DisplayLabel == "none" ? null : HolderNames.Label(given.Value!, family.Value!);
        return new PassDraft(given.Value!, family.Value!, kind, from, until, sites.Value!, unit.Value!, label);
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
                return Violation.Invalid(ErrorCodes.UnknownSite, "sites", $"Unknown site '{(code is null ? null : FreeText.Quoted(code, 20))}'. Known: {string.Join(", ", Policy.Sites.Select(s => s.Code))}.");
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

        // Units are codes, like sites: one spelling in storage, whatever case the caller typed.
        return caller.MayUseUnit(requested)
            ? requested.ToUpperInvariant()
            : Violation.Forbidden(ErrorCodes.Forbidden, $"This client does not serve unit {requested}.");
    }

    public static bool IsUnitCode(string? unit) => unit is not null && UnitCode().IsMatch(unit);

    /// <summary>Dates a pass may carry: from 2000-01-01 to 2100-01-01 (UTC); beyond, arithmetic on them could overflow.</summary>
    public static readonly DateTimeOffset EarliestDate = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc cref="EarliestDate"/>
    public static readonly DateTimeOffset LatestDate = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The one refusal of a date outside <see cref="EarliestDate"/>..<see cref="LatestDate"/>, wherever it was read.</summary>
    public static Violation DateOutOfRange(string field) =>
        Violation.Invalid(ErrorCodes.DateOutOfRange, field, $"Dates run from {EarliestDate:yyyy-MM-dd} to {LatestDate:yyyy-MM-dd}.");

    private static Violation? OutOfRange(DateTimeOffset? date, string field) =>
        date is { } d && (d < EarliestDate || d > LatestDate) ? DateOutOfRange(field) : null;

    // "An attestation pass", "a temporary pass": kinds are English words in these messages.
    private static string Article(string kind) => "aeiou".Contains(char.ToLowerInvariant(kind[0]), StringComparison.Ordinal) ? "An" : "A";

    private static DateTimeOffset Truncate(DateTimeOffset t) => DateTimeOffset.FromUnixTimeSeconds(t.ToUnixTimeSeconds());


    [GeneratedRegex(@"^[A-Za-z0-9-]{1,32}\z")]
    private static partial Regex UnitCode();
}
