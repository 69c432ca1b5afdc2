using AccessPmc.Contracts;

namespace AccessPmc.Functions.Security;

[Flags]
public enum Role
{
    None = 0,
    Issuer = 1,
    Scanner = 2,
    Admin = 4,
}

/// <summary>An authenticated client and its scope. <c>*</c> in a scope list means "all". <see cref="Name"/> is null for clients from configuration.</summary>
public sealed record ApiCaller(string Id, Role Role, IReadOnlyList<string> Units, IReadOnlyList<string> Sites, string? Name = null)
{
    public const string Everything = "*";

    public bool IsAdmin => Role == Role.Admin;

    public bool MayUseUnit(string unit) => IsAdmin || Contains(Units, unit);

    public bool MayUseSite(string site) => IsAdmin || Contains(Sites, site);

    public static Role ParseRole(string? role) => role?.ToLowerInvariant() switch
    {
        Roles.Issuer => Role.Issuer,
        Roles.Scanner => Role.Scanner,
        Roles.Admin => Role.Admin,
        _ => Role.None,
    };

    public static string RoleName(Role role) => role switch
    {
        Role.Issuer => Roles.Issuer,
        Role.Scanner => Roles.Scanner,
        _ => Roles.Admin,
    };

    private static bool Contains(IReadOnlyList<string> scope, string value) =>
        scope.Any(s => s == Everything || string.Equals(s, value, StringComparison.OrdinalIgnoreCase));
}
