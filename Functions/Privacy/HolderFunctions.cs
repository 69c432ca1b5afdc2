using AccessPmc.Contracts;
using AccessPmc.Functions.ApiDescription;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Privacy;

/// <summary>
/// A holder's rights on request (admin only): access (GDPR art. 15) and erasure (art. 17). Both take
/// <c>{givenName, familyName}</c>, as loose as any name ever stored (<see cref="HolderNames.Searched"/>). Logs carry counts, never names.
/// </summary>
public sealed class HolderFunctions(RequestGate gate, HolderData holders, IOptions<AccessPmcOptions> options, ILogger<HolderFunctions> logger)
{
    [ApiDescription("A holder's passes and scans, by name (GDPR access)", Roles = Role.Admin, Request = typeof(HolderRequest), Problems = ["400 validation_failed", "404 holder_not_found"])]
    [Function("ExportHolder")]
    public async Task<Results<Ok<HolderExport>, ProblemHttpResult>> Export(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/holders/export")] HttpRequest req, CancellationToken ct)
    {
        var request = await AdmitAsync(req, ct);
        if (request.Error is not null)
        {
            return request.Error.ToResult();
        }

        var (admin, given, family) = request.Value;
        var passes = await holders.FindAsync(given, family, ct);
        var scans = await holders.ScansAsync(passes, ct);
        var presence = await holders.PresenceAsync(passes, ct);
        var anomalies = await holders.AnomaliesAsync(passes, ct);
        logger.LogInformation("Holder export by {AdminId}: {Passes} passes, {Scans} scan events, {Presence} presence rows, {Anomalies} anomalies", admin.Id, passes.Count, scans.Count, presence.Count, anomalies.Count);
        req.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new HolderExport(passes.Select(p => p.ToResponse(req)).ToList(), scans, presence, anomalies));
    }

    [ApiDescription("Revokes a holder's passes and erases their personal data (GDPR erasure)", Roles = Role.Admin, Request = typeof(HolderRequest), Problems = ["400 validation_failed", "404 holder_not_found"])]
    [Function("EraseHolder")]
    public async Task<Results<Ok<HolderErasure>, ProblemHttpResult>> Erase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/holders/erase")] HttpRequest req, CancellationToken ct)
    {
        var request = await AdmitAsync(req, ct);
        if (request.Error is not null)
        {
            return request.Error.ToResult();
        }

        var (admin, given, family) = request.Value;
        var found = await holders.FindAsync(given, family, ct);
        if (found.Count == 0)
        {
            // Saying "0 erased" with a 200 reads as done; nothing was found, so nothing was erased: say so.
            return new ApiError(StatusCodes.Status404NotFound, ErrorCodes.HolderNotFound, "No pass holds this name: nothing was erased.",
                "Names are compared in Unicode NFC, ignoring case, apostrophe and hyphen variants and repeated spaces; check the spelling on the pass.").ToResult();
        }

        var erased = await holders.EraseAsync(found, admin.Id, ct);
        logger.LogInformation("Holder erasure by {AdminId}: {Passes} passes erased, {Revoked} revoked", admin.Id, erased.PassesErased, erased.PassesRevoked);
        return TypedResults.Ok(erased);
    }

    /// <summary>The admitted admin and the holder's names, or the refusal.</summary>
    private async Task<Outcome<(ApiCaller Admin, string Given, string Family)>> AdmitAsync(HttpRequest req, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Admin, ct);
        if (admission.Refusal is { } refusal)
        {
            return refusal;
        }

        var body = await JsonBody.ReadAsync(req, AccessPmcJson.Default.HolderRequest, options.Value.MaxBodyBytes, ct);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var given = HolderNames.Searched(HolderNames.Given, body.Value!.GivenName);
        var family = HolderNames.Searched(HolderNames.Family, body.Value.FamilyName);
        return (given.Violation ?? family.Violation) is { } violation
            ? violation.ToApiError()
            : (admission.Admitted, given.Value!, family.Value!);
    }
}
