using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using AccessPmc.Contracts;
using AccessPmc.Functions.Verification;
using AccessPmc.PassFormat;
using SimpleBase;

namespace AccessPmc.Tests.Verification;

[Collection(AzuriteCollection.Name)]
public sealed class KeyRotationTests(AzuriteFixture azurite)
{
    private static readonly SigningKey OldKey = SigningKey.Generate();
    private static readonly SigningKey NewKey = SigningKey.Generate();

    private Task<TestApp> StartAsync(string prefix, params (SigningKey Key, bool Active)[] keys)
    {
        var settings = new Dictionary<string, string?> { ["Storage:TablePrefix"] = prefix, ["Signing:Keys:0:Pem"] = null };
        for (var i = 0; i < keys.Length; i++)
        {
            settings[$"Signing:Keys:{i}:Pem"] = keys[i].Key.ExportPrivatePem();
            settings[$"Signing:Keys:{i}:Active"] = keys[i].Active ? "true" : "false";
        }

        return TestApp.StartAsync(azurite, "rot", settings);
    }

    [Fact]
    public async Task OldPassStaysValidAfterRotationAndNewPassesUseTheNewKid()
    {
        var prefix = "trot" + Guid.NewGuid().ToString("N")[..6];
        await using var before = await StartAsync(prefix, (OldKey, true));
        var oldPass = await before.IssuedAsync();

        await using var after = await StartAsync(prefix, (OldKey, false), (NewKey, true));
        var newPass = await after.IssuedAsync();

        Assert.Equal(VerifyResults.Valid, (await after.VerifyAsync(oldPass.Code)).Result);
        Assert.Equal(VerifyResults.Valid, (await after.VerifyAsync(newPass.Code)).Result);
        Assert.Equal(OldKey.KeyId, Kid(oldPass.Code));
        Assert.Equal(NewKey.KeyId, Kid(newPass.Code));
    }

    [Fact]
    public async Task PassOfAKeyRemovedFromTheSetIsUnknownKey()
    {
        var prefix = "trot" + Guid.NewGuid().ToString("N")[..6];
        await using var before = await StartAsync(prefix, (OldKey, true));
        var oldPass = await before.IssuedAsync();

        await using var after = await StartAsync(prefix, (NewKey, true));

        Assert.Equal(VerifyReasons.UnknownKey, (await after.VerifyAsync(oldPass.Code)).Reason);
    }

    [Fact]
    public async Task OutsideScannerVerifiesWithOnlyTheJwkSetAndStandardCose()
    {
        await using var app = await TestApp.StartAsync(azurite, "offline");
        var pass = await app.IssuedAsync();
        var jwks = (await app.CallAsync<KeySetFunction>("GET", "/api/keys", null, TestApp.ScannerKey, async (f, r) => (await f.Run(r, default)).Result)).Json<JsonWebKeySet>();

        // From here on: only the published key set, System.Security.Cryptography(.Cose), a CBOR reader and Base45.
        var message = CoseMessage.DecodeSign1(Base45.Default.Decode(pass.Code.AsSpan("PMC1:".Length)));
        var kid = Convert.ToHexStringLower(message.ProtectedHeaders[CoseHeaderLabel.KeyIdentifier].GetValueAsBytes());
        var jwk = jwks.Keys.Single(k => k.Kid == kid);
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url.DecodeFromChars(jwk.X), Y = Base64Url.DecodeFromChars(jwk.Y) },
        });
        var claims = new CborReader(message.Content!.Value);
        var map = new Dictionary<int, object>();
        for (var n = claims.ReadStartMap(); n > 0; n--)
        {
            var label = claims.ReadInt32();
            map[label] = label switch
            {
                7 => claims.ReadByteString(),
                -2 => ReadSites(claims),
                -3 => claims.ReadTextString(),
                _ => claims.ReadInt64(),
            };
        }

        Assert.Equal(-7, message.ProtectedHeaders[CoseHeaderLabel.Algorithm].GetValueAsInt32());
        Assert.True(message.VerifyEmbedded(key));
        Assert.Equal(pass.Id, Convert.ToHexStringLower((byte[])map[7]));
        Assert.Equal(pass.ValidUntil.ToUnixTimeSeconds(), (long)map[4]);
        Assert.Contains("PMC", (List<string>)map[-2]);
        Assert.Equal("J. DUPONT", map[-3]);
    }

    private static List<string> ReadSites(CborReader reader)
    {
        var sites = new List<string>();
        for (var n = reader.ReadStartArray(); n > 0; n--)
        {
            sites.Add(reader.ReadTextString());
        }

        reader.ReadEndArray();
        return sites;
    }

    private static string Kid(string code) =>
        Convert.ToHexStringLower(CoseMessage.DecodeSign1(Base45.Default.Decode(code.AsSpan(5))).ProtectedHeaders[CoseHeaderLabel.KeyIdentifier].GetValueAsBytes());
}
