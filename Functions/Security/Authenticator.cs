using AccessPmc.Functions.Clients;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Security;

/// <summary>Turns an <c>Authorization: Bearer</c> header into a caller, or nothing.</summary>
public sealed class Authenticator
{
    private readonly (byte[] Hash, ApiCaller Caller)[] configured;
    private readonly ClientStore store;

    public Authenticator(IOptions<AuthOptions> options, ClientStore store)
    {
        this.store = store;
        configured = options.Value.Clients
            .Select(c => (Hash(c), new ApiCaller(c.Id, ApiCaller.ParseRole(c.Role), c.Units, c.Sites)))
            .ToArray();
    }

    public async ValueTask<ApiCaller?> AuthenticateAsync(string? authorization, CancellationToken ct)
    {
        const string scheme = "Bearer ";
        if (authorization is null || authorization.Length > ApiKeys.MaxLength + scheme.Length
            || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = authorization[scheme.Length..].Trim();
        var hash = ApiKeys.Hash(key);

        // Compare against every configured key so the time taken does not reveal which one matched.
        ApiCaller? match = null;
        foreach (var (stored, caller) in configured)
        {
            if (ApiKeys.Matches(hash, stored))
            {
                match = caller;
            }
        }

        return match ?? await store.AuthenticateAsync(key, hash, ct);
    }

    private static byte[] Hash(ConfiguredClient client)
    {
        if (ApiCaller.ParseRole(client.Role) == Role.None)
        {
            throw new InvalidOperationException($"Auth client '{client.Id}': role must be issuer, scanner or admin.");
        }

        if (client.KeySha256 is { Length: 64 } hex)
        {
            return Convert.FromHexString(hex);
        }

        return client.Key is { Length: >= 32 } key
            ? ApiKeys.Hash(key)
            : throw new InvalidOperationException($"Auth client '{client.Id}': give KeySha256, or a Key of at least 32 characters.");
    }
}
