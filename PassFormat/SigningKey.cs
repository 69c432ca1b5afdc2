using System.Buffers.Binary;
using System.Security.Cryptography;

namespace AccessPmc.PassFormat;

/// <summary>An ES256 key. The algorithm is pinned here, never read from a message.</summary>
public sealed class SigningKey
{
    public const int KidLength = 4;

    private SigningKey(ECDsa key, bool canSign)
    {
        Key = key;
        CanSign = canSign;
        Kid = SHA256.HashData(key.ExportSubjectPublicKeyInfo())[..KidLength];
        KeyId = Convert.ToHexStringLower(Kid);
    }

    public ECDsa Key { get; }

    public bool CanSign { get; }

    /// <summary>First 4 bytes of SHA-256 over the DER SubjectPublicKeyInfo: a lookup hint, the signature decides.</summary>
    public byte[] Kid { get; }

    public string KeyId { get; }

    internal uint KidValue => BinaryPrimitives.ReadUInt32BigEndian(Kid);

    public static SigningKey FromPem(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        var parameters = key.ExportParameters(includePrivateParameters: false);
        if (parameters.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            key.Dispose();
            throw new InvalidOperationException("Signing keys must be EC P-256 (ES256).");
        }

        var canSign = pem.Contains("PRIVATE KEY", StringComparison.Ordinal);
        return new SigningKey(key, canSign);
    }

    public static SigningKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256), canSign: true);

    public string ExportPrivatePem() => Key.ExportPkcs8PrivateKeyPem();

    public string ExportPublicPem() => Key.ExportSubjectPublicKeyInfoPem();
}
