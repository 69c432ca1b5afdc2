using System.Text.Json;
using AccessPmc.Contracts;
using AccessPmc.PassFormat;

namespace AccessPmc.Tests.PassFormat;

/// <summary>The vectors published in docs/pass-format.md, checked with only their public key.</summary>
public sealed class PassFormatVectorTests
{
    private static readonly JsonElement File = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "vectors.json"))).RootElement;

    public static TheoryData<int> Vectors => new(Enumerable.Range(0, File.GetProperty("vectors").GetArrayLength()));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void VectorGivesItsPublishedVerdictAndClaims(int index)
    {
        var vector = File.GetProperty("vectors")[index];
        var publicKey = SigningKey.FromPem(File.GetProperty("publicKeyPem").GetString()!);
        var signer = SigningKey.Generate();
        var verifier = new OfflineVerifier(new PassCodec(new SigningKeyRing([publicKey, signer], signer)), TimeSpan.FromMinutes(2));

        var (reading, reason) = verifier.Check(vector.GetProperty("code").GetString(), vector.GetProperty("site").GetString()!, DateTimeOffset.Parse(vector.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(File.GetProperty("kid").GetString(), publicKey.KeyId);
        Assert.Equal(vector.GetProperty("reason").GetString(), reason);
        Assert.Equal(vector.GetProperty("result").GetString(), reason is null ? VerifyResults.Valid : VerifyResults.Invalid);
        if (vector.GetProperty("claims") is { ValueKind: JsonValueKind.Object } claims)
        {
            var read = reading.Claims!;
            Assert.Equal(claims.GetProperty("id").GetString(), read.IdHex);
            Assert.Equal(claims.GetProperty("notBefore").GetDateTimeOffset(), read.NotBefore);
            Assert.Equal(claims.GetProperty("expiry").GetDateTimeOffset(), read.Expiry);
            Assert.Equal(claims.GetProperty("kind").GetString(), read.Kind);
            Assert.Equal(claims.GetProperty("sites").EnumerateArray().Select(s => s.GetString()), read.Sites);
            Assert.Equal(claims.GetProperty("label").GetString(), read.Label);
        }
    }

    [Fact]
    public void PublishedPayloadIsTheCanonicalEncodingOfItsClaims()
    {
        var vector = File.GetProperty("vectors")[0];
        var reading = new PassCodec(new SigningKeyRing([SigningKey.FromPem(File.GetProperty("publicKeyPem").GetString()!), TestKeys.Signer], TestKeys.Signer))
            .Read(vector.GetProperty("code").GetString());

        Assert.Equal(vector.GetProperty("payloadHex").GetString(), Convert.ToHexStringLower(ClaimsCbor.Write(reading.Claims!)));
    }

    [Fact]
    public void DocumentationShowsTheSameVectorsTheTestsCheck()
    {
        var doc = System.IO.File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "pass-format.md"));

        Assert.All(File.GetProperty("vectors").EnumerateArray(), v => Assert.Contains(v.GetProperty("code").GetString()!, doc, StringComparison.Ordinal));
        Assert.Contains(File.GetProperty("publicKeyPem").GetString()!.Split('\n')[1], doc, StringComparison.Ordinal);
    }
}
