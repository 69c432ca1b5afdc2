using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Passes;
using Microsoft.AspNetCore.Http;

namespace AccessPmc.Functions.Privacy;

/// <summary>Reads and checks the body both holder functions take.</summary>
public static class HolderRequests
{
    public static async Task<Outcome<(string Given, string Family)>> ReadAsync(HttpRequest req, int maxBytes, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(req, AccessPmcJson.Default.HolderRequest, maxBytes, ct);
        if (body.Error is not null)
        {
            return body.Error;
        }

        return PassRules.Name(body.Value!.GivenName) is { } given && PassRules.Name(body.Value.FamilyName) is { } family
            ? (given, family)
            : ApiError.Invalid(ErrorCodes.ValidationFailed, "familyName", "Give the holder's given and family names, as on their passes.");
    }
}
