namespace AccessPmc.Contracts;

public static class Roles
{
    public const string Issuer = "issuer";
    public const string Scanner = "scanner";
    public const string Admin = "admin";
}

public sealed record CreateClientRequest(string? Name, string? Role, IReadOnlyList<string>? Units, IReadOnlyList<string>? Sites);

public sealed record ClientResponse(
    string Id,
    string Name,
    string Role,
    IReadOnlyList<string> Units,
    IReadOnlyList<string> Sites,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt);

/// <summary>
/// The only answer that ever carries an API key: keep it, it is not shown again. For a scanner,
/// <see cref="EnrolmentUrl"/> opens the scanner web app enrolled (<c>{root}scanner/#enrol={key}</c>; the key
/// is in the fragment, never sent to a server); <c>{root}scanner/enrol.html#enrol={key}</c> prints its QR.
/// </summary>
public sealed record ClientWithKey(ClientResponse Client, string ApiKey, string? EnrolmentUrl = null);

public sealed record ClientList(IReadOnlyList<ClientResponse> Items);
