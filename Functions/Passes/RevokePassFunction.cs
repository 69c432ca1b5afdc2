using AccessPmc.Contracts;
using AccessPmc.Functions.ApiDescription;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using AccessPmc.Functions.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Passes;

public sealed class RevokePassFunction(RequestGate gate, PassAccess passes, PassStore store, TimeProvider time, IOptions<AccessPmcOptions> options, ILogger<RevokePassFunction> logger)
{
    public const int MaxReasonLength = 200;

    /// <summary>The reason is read in lists and exports: the shared free-text rule (D62), any visible character.</summary>
    public static readonly TextField Reason = new("reason", MaxReasonLength, NeedsLetter: false);

    [ApiDescription("Revokes a pass with a reason (idempotent: the first reason stays)", Roles = Role.Issuer | Role.Admin, Request = typeof(RevokePassRequest), Problems = ["400 validation_failed", "404 not_found"])]
    [Function("RevokePass")]
    public async Task<Results<Ok<PassResponse>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/passes/{id}/revoke")] HttpRequest req, string id, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Issuer | Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        var body = await JsonBody.ReadAsync(req, AccessPmcJson.Default.RevokePassRequest, options.Value.MaxBodyBytes, ct);
        if (body.Error is not null)
        {
            return body.Error.ToResult();
        }

        var reason = Reason.Check(body.Value!.Reason);
        if (reason.Violation is not null)
        {
            return reason.Violation.ToResult();
        }

        var pass = await passes.FindAsync(admission.Admitted, id, ct);
        if (pass.Violation is not null)
        {
            return pass.Violation.ToResult();
        }

        var revoked = await store.RevokeAsync(pass.Value!, reason.Value!, admission.Admitted.Id, time.GetUtcNow(), ct);
        logger.LogInformation("Pass {PassId} revoked by client {ClientId}", revoked.Id, admission.Admitted.Id);
        return TypedResults.Ok(revoked.ToResponse(req));
    }
}
