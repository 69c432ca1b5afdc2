using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AccessPmc.Functions.Security;

/// <summary>API keys: 256 random bits, shown once, kept only as SHA-256, compared in constant time.</summary>
public static partial class ApiKeys
{
    public const string Prefix = "pmc_";
    public const int MaxLength = 200;

    /// <summary><c>pmc_{clientId}_{secret}</c>: the id lets the service find the client with one point read.</summary>
    public static string Generate(string clientId) =>
        $"{Prefix}{clientId}_{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool Matches(byte[] presentedHash, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(presentedHash, storedHash);

    public static string? ClientIdOf(string key)
    {
        if (!key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        // The id is hex, the secret is base64url (which may contain '_'): the first '_' ends the id.
        var end = key.IndexOf('_', Prefix.Length);
        return end > Prefix.Length && IsClientId(key[Prefix.Length..end]) ? key[Prefix.Length..end] : null;
    }

    public static string NewClientId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>16 lowercase hex digits: anything else never reaches a table key (a '/' or '#' there is a storage error, not a 401).</summary>
    public static bool IsClientId(string? id) => id is not null && ClientId().IsMatch(id);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9a-f]{16}\z")]
    private static partial System.Text.RegularExpressions.Regex ClientId();
}
