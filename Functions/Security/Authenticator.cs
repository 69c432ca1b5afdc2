using System.Globalization;
using AccessPmc.Functions.Clients;
using AccessPmc.PassFormat;
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
            .Select((c, i) => (Hash(c, i), new ApiCaller(c.Id, ApiCaller.ParseRole(c.Role), c.Units, c.Sites)))
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

    /// <summary>The configured client's key hash: <c>KeySha256</c> (64 hex digits) wins over <c>Key</c>; empty values are unset.</summary>
    /// <exception cref="SettingsException">A bad role, a KeySha256 that is not 64 hex digits (the sample's placeholder), no key, a short key.</exception>
    private static byte[] Hash(ConfiguredClient client, int index)
    {
        string Setting(string name) => string.Create(CultureInfo.InvariantCulture, $"{AuthOptions.Section}__Clients__{index}__{name}");
        if (ApiCaller.ParseRole(client.Role) == Role.None)
        {
            throw new SettingsException(Setting(nameof(client.Role)), $"'{client.Role}' is not a role; use issuer, scanner or admin.");
        }

        if (!string.IsNullOrWhiteSpace(client.KeySha256))
        {
            return client.KeySha256.Length == 64 && client.KeySha256.All(char.IsAsciiHexDigit)
                ? Convert.FromHexString(client.KeySha256)
                : throw new SettingsException(Setting(nameof(client.KeySha256)),
                    $"not a SHA-256 in hex (64 hex digits, {client.KeySha256.Length} given; the sample's placeholder must be replaced): printf '%s' \"$KEY\" | sha256sum");
        }

        if (string.IsNullOrEmpty(client.Key))
        {
            throw new SettingsException(Setting(nameof(client.KeySha256)), $"client '{client.Id}' has no key; give the SHA-256 in hex of its key (or __Key, the key itself).");
        }

        return client.Key.Length >= 32
            ? ApiKeys.Hash(client.Key)
            : throw new SettingsException(Setting(nameof(client.Key)), "at least 32 characters; better, give its SHA-256 as __KeySha256.");
    }
}
