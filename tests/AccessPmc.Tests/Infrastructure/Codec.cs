using System.Formats.Cbor;
using AccessPmc.Contracts;
using AccessPmc.PassFormat;

namespace AccessPmc.Tests.Infrastructure;

/// <summary>Codec and offline checks without storage.</summary>
public static class Codec
{
    public static readonly DateTimeOffset Now = new(2026, 3, 16, 8, 0, 0, TimeSpan.Zero);

    public static readonly SigningKeyRing Ring = new([TestKeys.Signer], TestKeys.Signer);

    public static readonly PassCodec Instance = new(Ring);

    public static PassClaims Claims(string? label = "J. DUPONT", params string[] sites) => new(
        Convert.FromHexString("00112233445566778899aabbccddeeff"),
        Now.AddHours(-1),
        Now.AddDays(7),
        PassKinds.Temporary,
        sites.Length == 0 ? ["PMC", "JUSSIEU"] : sites,
        label);

    public static string Code(PassClaims? claims = null) => Instance.Encode(claims ?? Claims());

    /// <summary>The offline verdict at <paramref name="at"/>: the reason, or null when valid.</summary>
    public static string? Verdict(string? code, string site = "PMC", DateTimeOffset? at = null, PassCodec? codec = null)
    {
        var verifier = new OfflineVerifier(codec ?? Instance, TimeSpan.FromMinutes(2));
        return verifier.Check(code, site, at ?? Now).Reason;
    }

    /// <summary>A COSE_Sign1 built by hand, for the cases the library would never produce.</summary>
    public static string Assemble(byte[] protectedHeader, byte[] payload, byte[] signature, bool tagged = false)
    {
        var w = new CborWriter();
        if (tagged)
        {
            w.WriteTag((CborTag)18);
        }

        w.WriteStartArray(4);
        w.WriteByteString(protectedHeader);
        w.WriteStartMap(0);
        w.WriteEndMap();
        w.WriteByteString(payload);
        w.WriteByteString(signature);
        w.WriteEndArray();
        return PassCodec.Prefix + SimpleBase.Base45.Default.Encode(w.Encode());
    }

    public static byte[] ProtectedHeader(int alg, byte[] kid)
    {
        var w = new CborWriter(CborConformanceMode.Ctap2Canonical);
        w.WriteStartMap(2);
        w.WriteInt32(1);
        w.WriteInt32(alg);
        w.WriteInt32(4);
        w.WriteByteString(kid);
        w.WriteEndMap();
        return w.Encode();
    }
}
