using AccessPmc.Contracts;
using AccessPmc.Functions.ApiDescription;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Scanner;

/// <summary><c>GET /api/me</c>: who the caller is, the catalogue sites it may use, and the offline policy scanners follow.</summary>
public sealed class MeFunction(RequestGate gate, IOptions<AccessPmcOptions> options, IOptions<ScannerOptions> scanner)
{
    [ApiDescription("Who the caller is: role, units, catalogue sites, the offline policy for scanners", Roles = Role.Issuer | Role.Scanner | Role.Admin)]
    [Function("GetMe")]
    public async Task<Results<Ok<MeResponse>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/me")] HttpRequest req, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Issuer | Role.Scanner | Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        var caller = admission.Admitted;
        var sites = options.Value.Sites
            .Where(s => caller.MayUseSite(s.Code))
            .Select(s => new SiteInfo(s.Code, s.Name is { Length: > 0 } name ? name : s.Code, s.TimeZone, s.Capacity))
            .ToList();
        req.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new MeResponse(caller.Id, caller.Name ?? caller.Id, ApiCaller.RoleName(caller.Role), caller.Units, sites, Policy()));
    }

    private ScannerPolicy Policy() => new(
        (int)options.Value.ClockSkew.TotalSeconds,
        (int)scanner.Value.RevocationsWarnAfter.TotalSeconds,
        (int)scanner.Value.RevocationsRefuseAfter.TotalSeconds);
}
