using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Text.RegularExpressions;
using AccessPmc.Contracts;
using AccessPmc.Functions.Security;
using SimpleBase;

namespace AccessPmc.Functions.Passes;

/// <summary>
/// The pass code: <c>PMC1:</c> + Base45(COSE_Sign1(ES256, kid, CBOR claims)). See docs/pass-format.md.
/// Reading is strict and ordered so that cheap checks run before any cryptography.
/// </summary>
public sealed partial class PassCodec(SigningKeyRing keys)
{
    public const string Prefix = "PMC1:";
    public const int MaxCodeLength = 512;
    public const int MaxSites = 16;
    public const int MaxLabelLength = 32;

    // Claim keys: CWT registered keys where one exists (RFC 8392), small negative ints for ours.
    internal const int ClaimExpiry = 4;
    internal const int ClaimNotBefore = 5;
    internal const int ClaimId = 7;
    internal const int ClaimKind = -1;
    internal const int ClaimSites = -2;
    internal const int ClaimLabel = -3;

    private const int Es256 = -7;
    private const byte Sign1Tag = 0xD2;
    private const byte UntaggedArrayOf4 = 0x84;
    private static readonly long MaxTime = new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    public string Encode(PassClaims claims)
    {
        var signer = keys.Signer;
        var headers = new CoseHeaderMap { [CoseHeaderLabel.KeyIdentifier] = CoseHeaderValue.FromBytes(signer.Kid) };
        var cose = CoseSign1Message.SignEmbedded(WritePayload(claims), new CoseSigner(signer.Key, HashAlgorithmName.SHA256, headers));

        // The prefix already says what this is, so the COSE tag (18) is dropped: one byte less in every QR.
        return Prefix + Base45.Default.Encode(cose.AsSpan(cose[0] == Sign1Tag ? 1 : 0));
    }

    public CodeReading Read(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > MaxCodeLength || !code.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return CodeReading.Fail(VerifyReasons.Malformed);
        }

        var text = code.AsSpan(Prefix.Length);
        if (!TryDecodeBase45(text, out var bytes))
        {
            return CodeReading.Fail(VerifyReasons.Malformed);
        }

        if (bytes[0] != UntaggedArrayOf4)
        {
            return CodeReading.Fail(VerifyReasons.Malformed);
        }

        CoseSign1Message message;
        try
        {
            message = CoseMessage.DecodeSign1(bytes);
        }
        catch (CryptographicException)
        {
            return CodeReading.Fail(VerifyReasons.Malformed);
        }

        if (message.Content is null || message.UnprotectedHeaders.Count != 0 || message.ProtectedHeaders.Count != 2
            || !message.ProtectedHeaders.TryGetValue(CoseHeaderLabel.Algorithm, out var alg)
            || !message.ProtectedHeaders.TryGetValue(CoseHeaderLabel.KeyIdentifier, out var kid)
            || !TryInt(alg, out var algorithm) || !TryBytes(kid, out var kidBytes)
            || !bytes.AsSpan().SequenceEqual(message.Encode()))
        {
            return CodeReading.Fail(VerifyReasons.Malformed);
        }

        if (algorithm != Es256)
        {
            return CodeReading.Fail(VerifyReasons.BadSignature);
        }

        if (!keys.TryGet(kidBytes, out var key))
        {
            return CodeReading.Fail(VerifyReasons.UnknownKey);
        }

        if (!VerifySignature(message, key))
        {
            return CodeReading.Fail(VerifyReasons.BadSignature, key.KeyId);
        }

        var claims = ReadPayload(message.Content.Value.Span);
        return claims is null
            ? CodeReading.Fail(VerifyReasons.Malformed, key.KeyId)
            : new CodeReading(claims, null, key.KeyId);
    }

    private static bool VerifySignature(CoseSign1Message message, SigningKey key)
    {
        try
        {
            return message.VerifyEmbedded(key.Key);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    // Base45 that round-trips exactly: rejects lowercase, stray characters and out-of-range groups.
    private static bool TryDecodeBase45(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length % 3 == 1 || !Base45Alphabet().IsMatch(text))
        {
            return false;
        }

        try
        {
            bytes = Base45.Default.Decode(text);
        }
        catch (Exception e) when (e is ArgumentException or OverflowException or FormatException)
        {
            return false;
        }

        return text.SequenceEqual(Base45.Default.Encode(bytes));
    }

    private static bool TryInt(CoseHeaderValue value, out int result)
    {
        try
        {
            result = value.GetValueAsInt32();
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or CborContentException)
        {
            result = 0;
            return false;
        }
    }

    private static bool TryBytes(CoseHeaderValue value, out byte[] result)
    {
        try
        {
            result = value.GetValueAsBytes();
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or CborContentException)
        {
            result = [];
            return false;
        }
    }

    internal static byte[] WritePayload(PassClaims claims)
    {
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(claims.Label is null ? 5 : 6);
        writer.WriteInt32(ClaimExpiry);
        writer.WriteInt64(claims.Expiry.ToUnixTimeSeconds());
        writer.WriteInt32(ClaimNotBefore);
        writer.WriteInt64(claims.NotBefore.ToUnixTimeSeconds());
        writer.WriteInt32(ClaimId);
        writer.WriteByteString(claims.Id);
        writer.WriteInt32(ClaimKind);
        writer.WriteInt32(KindCode(claims.Kind));
        writer.WriteInt32(ClaimSites);
        writer.WriteStartArray(claims.Sites.Count);
        foreach (var site in claims.Sites)
        {
            writer.WriteTextString(site);
        }

        writer.WriteEndArray();
        if (claims.Label is not null)
        {
            writer.WriteInt32(ClaimLabel);
            writer.WriteTextString(claims.Label);
        }

        writer.WriteEndMap();
        return writer.Encode();
    }

    internal static PassClaims? ReadPayload(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new CborReader(payload.ToArray(), CborConformanceMode.Ctap2Canonical);
            var count = reader.ReadStartMap();
            if (count is not (5 or 6))
            {
                return null;
            }

            long? exp = null, nbf = null;
            byte[]? id = null;
            string? kind = null, label = null;
            List<string>? sites = null;
            for (var i = 0; i < count; i++)
            {
                switch (reader.ReadInt32())
                {
                    case ClaimExpiry: exp = reader.ReadInt64(); break;
                    case ClaimNotBefore: nbf = reader.ReadInt64(); break;
                    case ClaimId: id = reader.ReadByteString(); break;
                    case ClaimKind: kind = KindName(reader.ReadInt32()); break;
                    case ClaimSites: sites = ReadSites(reader); break;
                    case ClaimLabel: label = reader.ReadTextString(); break;
                    default: return null;
                }
            }

            reader.ReadEndMap();
            var wellFormed = reader.BytesRemaining == 0 && id is { Length: 16 } && kind is not null && sites is { Count: > 0 }
                && nbf is >= 0 && exp is { } e && e > nbf && e <= MaxTime
                && (count == 5 || label is { Length: > 0 and <= MaxLabelLength });
            return wellFormed
                ? new PassClaims(id!, DateTimeOffset.FromUnixTimeSeconds(nbf!.Value), DateTimeOffset.FromUnixTimeSeconds(exp!.Value), kind!, sites!, label)
                : null;
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or OverflowException)
        {
            return null;
        }
    }

    private static List<string>? ReadSites(CborReader reader)
    {
        var count = reader.ReadStartArray();
        if (count is null or < 1 or > MaxSites)
        {
            return null;
        }

        var sites = new List<string>(count.Value);
        for (var i = 0; i < count; i++)
        {
            var site = reader.ReadTextString();
            if (!SiteCode().IsMatch(site))
            {
                return null;
            }

            sites.Add(site);
        }

        reader.ReadEndArray();
        return sites;
    }

    internal static int KindCode(string kind) => kind switch
    {
        PassKinds.Temporary => 1,
        PassKinds.LongTerm => 2,
        PassKinds.Attestation => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown pass kind."),
    };

    private static string? KindName(int code) => code switch
    {
        1 => PassKinds.Temporary,
        2 => PassKinds.LongTerm,
        3 => PassKinds.Attestation,
        _ => null,
    };

    [GeneratedRegex(@"^[0-9A-Z $%*+./:-]+\z")]
    private static partial Regex Base45Alphabet();

    [GeneratedRegex(@"^[A-Z0-9-]{1,16}\z")]
    internal static partial Regex SiteCode();
}
