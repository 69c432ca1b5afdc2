using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using AccessPmc.Contracts;
using SimpleBase;

namespace AccessPmc.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A scanner written from docs/offline-scanners.md with only a synced JWK set and standard COSE: the key
/// lookup and the signature, the steps a key rotation can break (the claims checks are the codec's own tests).
/// </summary>
public sealed class OfflineScanner(JsonWebKeySet keys)
{
    /// <summary>The pass's kid, 8 lowercase hex digits as in the JWK set.</summary>
    public static string KidOf(string code) =>
        Convert.ToHexStringLower(Decode(code).ProtectedHeaders[CoseHeaderLabel.KeyIdentifier].GetValueAsBytes());

    /// <summary><c>valid</c>, <c>unknown_key</c> (no key with the pass's kid in the set) or <c>bad_signature</c>.</summary>
    public string Check(string code)
    {
        var message = Decode(code);
        var kid = KidOf(code);
        if (keys.Keys.SingleOrDefault(k => k.Kid == kid && k is { Kty: "EC", Crv: "P-256", Alg: "ES256" }) is not { } jwk)
        {
            return VerifyReasons.UnknownKey;
        }

        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url.DecodeFromChars(jwk.X), Y = Base64Url.DecodeFromChars(jwk.Y) },
        });
        return message.VerifyEmbedded(key) ? VerifyResults.Valid : VerifyReasons.BadSignature;
    }

    private static CoseSign1Message Decode(string code) => CoseMessage.DecodeSign1(Base45.Default.Decode(code.AsSpan("PMC1:".Length)));
}
