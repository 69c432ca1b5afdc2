using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AccessPmc.Functions.Security;

/// <summary>API keys: 256 random bits, shown once, kept only as SHA-256, compared in constant time.</summary>
public static class ApiKeys
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
        return end > Prefix.Length ? key[Prefix.Length..end] : null;
    }

    public static string NewClientId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
