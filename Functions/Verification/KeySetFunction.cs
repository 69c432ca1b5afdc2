using System.Buffers.Text;
using AccessPmc.Contracts;
using AccessPmc.Functions.ApiDescription;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using AccessPmc.PassFormat;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.Functions.Verification;

/// <summary>The JWK set (RFC 7517) of every verification key, for offline scanners (docs/offline-scanners.md).</summary>
public sealed class KeySetFunction(RequestGate gate, SigningKeyRing keys)
{
    [ApiDescription("The JWK set of the keys that verify pass codes", Roles = Role.Issuer | Role.Scanner | Role.Admin)]
    [Function("GetKeys")]
    public async Task<Results<Ok<JsonWebKeySet>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/keys")] HttpRequest req, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Scanner | Role.Issuer | Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        return TypedResults.Ok(new JsonWebKeySet(keys.Keys.Select(Jwk).ToList()));
    }

    public static JsonWebKey Jwk(SigningKey key)
    {
        var p = key.Key.ExportParameters(includePrivateParameters: false);
        return new JsonWebKey("EC", "P-256", Base64Url.EncodeToString(p.Q.X), Base64Url.EncodeToString(p.Q.Y), key.KeyId, "ES256", "sig");
    }
}
