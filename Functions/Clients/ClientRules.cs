using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Security;
using AccessPmc.Functions.Text;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Clients;

public sealed record ClientDraft(string Name, Role Role, IReadOnlyList<string> Units, IReadOnlyList<string> Sites);

/// <summary>What a client may be: issuers need units and sites, scanners need sites, admins need neither.</summary>
public sealed class ClientRules(IOptions<AccessPmcOptions> options)
{
    /// <summary>Shown in lists and logs to the people who manage clients: the shared free-text rule (D62).</summary>
    public static readonly TextField Name = new("name", 64, NeedsLetter: false);

    public Checked<ClientDraft> Validate(CreateClientRequest request)
    {
        var name = Name.Check(request.Name);
        if (name.Violation is not null)
        {
            return name.Violation;
        }

        var role = ApiCaller.ParseRole(request.Role);
        if (role == Role.None)
        {
            return Violation.Invalid(ErrorCodes.ValidationFailed, "role", "issuer, scanner or admin.");
        }

        // Units are codes: stored in capitals, as issuing stores them, whatever case was typed.
        var units = (request.Units ?? []).Select(u => u?.ToUpperInvariant()!).Distinct(StringComparer.Ordinal).ToList();
        var sites = (request.Sites ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (role == Role.Admin)
        {
            return units.Count + sites.Count == 0
                ? new ClientDraft(name.Value!, role, [], [])
                : Violation.Invalid(ErrorCodes.ValidationFailed, "role", "An admin has no unit or site scope: it may do everything.");
        }

        if (role == Role.Issuer && (units.Count == 0 || units.Any(u => u != ApiCaller.Everything && !PassRules.IsUnitCode(u))))
        {
            return Violation.Invalid(ErrorCodes.UnknownUnit, "units", "An issuer needs at least one unit code (or *).");
        }

        if (role == Role.Scanner && units.Count > 0)
        {
            return Violation.Invalid(ErrorCodes.ValidationFailed, "units", "A scanner has sites, not units.");
        }

        if (sites.Count == 0 || sites.Any(s => s != ApiCaller.Everything && options.Value.FindSite(s) is null))
        {
            return Violation.Invalid(ErrorCodes.UnknownSite, "sites", "At least one site from the catalogue (or *).");
        }

        if ((EverythingAlone("units", units) ?? EverythingAlone("sites", sites)) is { } mixed)
        {
            return mixed;
        }

        return new ClientDraft(name.Value!, role, units, sites.Select(s => options.Value.FindSite(s)?.Code ?? s).ToList());
    }

    // "*" beside codes is a contradiction a reader of the list would resolve either way: scoped or not. Refused.
    private static Violation? EverythingAlone(string field, List<string> codes) =>
        codes.Count > 1 && codes.Contains(ApiCaller.Everything)
            ? Violation.Invalid(ErrorCodes.ValidationFailed, field, $"{field}: * means every one and stands alone; give * or a list of codes, not both.")
            : null;
}
