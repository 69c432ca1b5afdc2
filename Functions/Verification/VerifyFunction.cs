using AccessPmc.Contracts;
using AccessPmc.Functions.ApiDescription;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Verification;

public sealed class VerifyFunction(RequestGate gate, PassVerifier verifier, IOptions<AccessPmcOptions> options)
{
    [ApiDescription("Verifies a scanned code at a site: always 200 with a verdict; an entry or exit also moves presence", Roles = Role.Scanner | Role.Admin, Request = typeof(VerifyRequest), Problems = ["400 unknown_site", "400 unknown_direction", "403 site_not_allowed"])]
    [Function("VerifyPass")]
    public async Task<Results<Ok<VerifyResponse>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/verify")] HttpRequest req, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Scanner | Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        var body = await JsonBody.ReadAsync(req, AccessPmcJson.Default.VerifyRequest, options.Value.MaxBodyBytes, ct);
        if (body.Error is not null)
        {
            return body.Error.ToResult();
        }

        if (body.Value!.Site is not { } code || options.Value.FindSite(code) is not { } site)
        {
            var served = options.Value.Sites.Select(s => s.Code).Where(admission.Admitted.MayUseSite);
            return ApiError.Invalid(ErrorCodes.UnknownSite, "site", $"Give the code of the site where the scan happens; this client serves: {string.Join(", ", served)}.").ToResult();
        }

        if (!admission.Admitted.MayUseSite(site.Code))
        {
            return ApiError.Forbidden(ErrorCodes.SiteNotAllowed, $"This scanner is not assigned to site {site.Code}.").ToResult();
        }

        var direction = body.Value.Direction ?? Directions.Check;
        if (!Directions.All.Contains(direction))
        {
            return ApiError.Invalid(ErrorCodes.UnknownDirection, "direction", "entry, exit or check (the default).").ToResult();
        }

        return TypedResults.Ok(await verifier.VerifyAsync(body.Value.Code, site.Code, direction, admission.Admitted.Id, ct));
    }
}
