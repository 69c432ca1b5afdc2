using System.Globalization;
using AccessPmc.Contracts;
using AccessPmc.Functions.ApiDescription;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Presence;

/// <summary>
/// <c>GET /api/sites/{site}/presence[?format=csv]</c>: the roll-call of a site, for admins and for the scanners of
/// that site (the agents who evacuate it; D44). Never cached: it names people.
/// </summary>
public sealed class RollCallFunction(RequestGate gate, RollCalls rollCalls, IOptions<AccessPmcOptions> options)
{
    [ApiDescription("Roll-call: who is inside a site now, sorted for evacuation (JSON, or CSV for printing)", Roles = Role.Scanner | Role.Admin, Produces = ["text/csv"], Query = ["format: json (default) or csv", "separator: comma (default) or semicolon, for csv"], Problems = ["400 bad_format", "403 site_not_allowed", "404 not_found"])]
    [Function("GetSitePresence")]
    public async Task<Results<Ok<RollCall>, FileContentHttpResult, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/sites/{site}/presence")] HttpRequest req, string site, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Scanner | Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        var format = req.Query["format"].FirstOrDefault()?.ToLowerInvariant() ?? "json";
        if (format is not ("json" or "csv"))
        {
            return ApiError.Invalid(ErrorCodes.BadFormat, "format", "json (default) or csv.").ToResult();
        }

        var separator = req.Query["separator"].FirstOrDefault()?.ToLowerInvariant() switch
        {
            null or "comma" => ',',
            "semicolon" => ';',
            _ => (char?)null,
        };
        if (separator is null)
        {
            return ApiError.Invalid(ErrorCodes.BadFormat, "separator", "comma (default) or semicolon.").ToResult();
        }

        if (options.Value.FindSite(site) is not { } found)
        {
            return ApiError.NotFound("site").ToResult();
        }

        if (!admission.Admitted.MayUseSite(found.Code))
        {
            return ApiError.Forbidden(ErrorCodes.SiteNotAllowed, $"This scanner is not assigned to site {found.Code}.").ToResult();
        }

        var call = await rollCalls.TakeAsync(found, ct);
        req.HttpContext.Response.Headers.CacheControl = "no-store";
        if (format == "json")
        {
            return TypedResults.Ok(call);
        }

        var stamp = call.GeneratedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);
        return TypedResults.File(RollCalls.Csv(call, separator.Value), "text/csv; charset=utf-8", $"presence-{found.Code}-{stamp}.csv");
    }
}
