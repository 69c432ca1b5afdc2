using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Text.RegularExpressions;
using AccessPmc.Contracts;
using SimpleBase;

namespace AccessPmc.PassFormat;

/// <summary>
/// The pass code: <c>PMC1:</c> + Base45(COSE_Sign1(ES256, kid, CBOR claims)). See docs/pass-format.md.
/// Reading is strict and ordered so that cheap checks run before any cryptography.
/// </summary>
public sealed partial class PassCodec(SigningKeyRing keys)
{
    public const string Prefix = "PMC1:";
    public const int MaxCodeLength = 512;

    private const int Es256 = -7;
    private const byte Sign1Tag = 0xD2;
    private const byte UntaggedArrayOf4 = 0x84;

    public string Encode(PassClaims claims)
    {
        var signer = keys.Signer;
        var headers = new CoseHeaderMap { [CoseHeaderLabel.KeyIdentifier] = CoseHeaderValue.FromBytes(signer.Kid) };
        var cose = CoseSign1Message.SignEmbedded(ClaimsCbor.Write(claims), new CoseSigner(signer.Key, HashAlgorithmName.SHA256, headers));

        // The prefix already says what this is, so the COSE tag (18) is dropped: one byte less in every QR.
        return Prefix + Base45.Default.Encode(cose.AsSpan(cose[0] == Sign1Tag ? 1 : 0));
    }

    /// <summary>
    /// Reads a code in the order of docs/pass-format.md (cheap checks before any cryptography): the claims
    /// when the code is well formed, signed by a known key and holds well-formed claims; else the reason.
    /// </summary>
    public CodeReading Read(string? code)
    {
        var (message, key, reason) = Decode(code);
        if (reason is not null)
        {
            return CodeReading.Fail(reason);
        }

        if (!VerifySignature(message!, key!))
        {
            return CodeReading.Fail(VerifyReasons.BadSignature, key!.KeyId);
        }

        var claims = ClaimsCbor.Read(message!.Content!.Value.Span);
        return claims is null
            ? CodeReading.Fail(VerifyReasons.Malformed, key!.KeyId)
            : new CodeReading(claims, null, key!.KeyId);
    }

    /// <summary>
    /// Whether the code is a well-formed COSE_Sign1 by a known key holding well-formed claims, its signature not
    /// checked: steps 1–6 and 8, no cryptography. A cheap filter before signature checks of repair candidates.
    /// </summary>
    public bool IsWellFormed(string? code) =>
        Decode(code) is { Reason: null, Message: { } message } && ClaimsCbor.Read(message.Content!.Value.Span) is not null;

    private (CoseSign1Message? Message, SigningKey? Key, string? Reason) Decode(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > MaxCodeLength || !code.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return (null, null, VerifyReasons.Malformed);
        }

        if (!TryDecodeBase45(code.AsSpan(Prefix.Length), out var bytes) || bytes[0] != UntaggedArrayOf4)
        {
            return (null, null, VerifyReasons.Malformed);
        }

        CoseSign1Message message;
        try
        {
            message = CoseMessage.DecodeSign1(bytes);
        }
        catch (CryptographicException)
        {
            return (null, null, VerifyReasons.Malformed);
        }

        if (message.Content is null || message.UnprotectedHeaders.Count != 0 || message.ProtectedHeaders.Count != 2
            || !message.ProtectedHeaders.TryGetValue(CoseHeaderLabel.Algorithm, out var alg)
            || !message.ProtectedHeaders.TryGetValue(CoseHeaderLabel.KeyIdentifier, out var kid)
            || !TryInt(alg, out var algorithm) || !TryBytes(kid, out var kidBytes)
            || !bytes.AsSpan().SequenceEqual(message.Encode()))
        {
            return (null, null, VerifyReasons.Malformed);
        }

        if (algorithm != Es256)
        {
            return (null, null, VerifyReasons.BadSignature);
        }

        return keys.TryGet(kidBytes, out var key) ? (message, key, null) : (null, null, VerifyReasons.UnknownKey);
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

    [GeneratedRegex(@"^[0-9A-Z $%*+./:-]+\z")]
    private static partial Regex Base45Alphabet();
}
