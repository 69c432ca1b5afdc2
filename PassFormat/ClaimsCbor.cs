using System.Formats.Cbor;
using AccessPmc.Contracts;

namespace AccessPmc.PassFormat;

/// <summary>
/// The claims map inside the COSE payload, in CTAP2 canonical CBOR (docs/pass-format.md, "Claims").
/// Keys are CWT registered claims where one exists (RFC 8392 §3.1: exp 4, nbf 5, cti 7) and small
/// negative integers for ours (kind −1, sites −2, label −3).
/// </summary>
public static class ClaimsCbor
{
    public const int MaxSites = 16;
    public const int MaxLabelLength = 32;

    internal const int ClaimExpiry = 4;
    internal const int ClaimNotBefore = 5;
    internal const int ClaimId = 7;
    internal const int ClaimKind = -1;
    internal const int ClaimSites = -2;
    internal const int ClaimLabel = -3;

    /// <summary>Latest expiry a pass may carry (seconds since the Unix epoch): 9999-01-01T00:00Z.</summary>
    public static readonly long MaxTime = new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    /// <summary>The canonical encoding: 5 entries, or 6 with a label.</summary>
    public static byte[] Write(PassClaims claims)
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

    /// <summary>The claims, or null when the map is not exactly a well-formed, canonical claims map.</summary>
    public static PassClaims? Read(ReadOnlySpan<byte> payload)
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
            if (!SiteCodes.IsValid(site))
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
}
