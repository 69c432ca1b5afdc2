using AccessPmc.Contracts;
using AccessPmc.Functions.Verification;

namespace AccessPmc.Tests.Verification;

public sealed class KeySetFunctionTests(AzuriteFixture azurite) : AppTests(azurite, "keys")
{
    [Fact]
    public async Task KeysArePublishedAsAJwkSet()
    {
        var req = App.Request("GET", "/api/keys", key: TestApp.ScannerKey);
        var reply = await TestApp.ExecuteAsync(req, await App.Function<KeySetFunction>().Run(req, default));

        var jwks = reply.Json<JsonWebKeySet>();
        var key = Assert.Single(jwks.Keys);
        Assert.Equal(("EC", "P-256", "ES256", TestKeys.Signer.KeyId), (key.Kty, key.Crv, key.Alg, key.Kid));
        Assert.DoesNotContain("\"d\"", reply.Body, StringComparison.Ordinal);
    }
}
