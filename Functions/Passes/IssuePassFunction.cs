using AccessPmc.Contracts;
using AccessPmc.Functions.ApiDescription;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Passes;

public sealed class IssuePassFunction(RequestGate gate, PassRules rules, PassIssuer issuer, TimeProvider time, IOptions<AccessPmcOptions> options)
{
    [ApiDescription("Issues one pass: 201, or 200 when an Idempotency-Key replays a finished request", Roles = Role.Issuer | Role.Admin, Request = typeof(IssuePassRequest), Problems = ["400 validation_failed", "400 unknown_kind", "400 unknown_site", "400 unknown_unit", "400 validity_reversed", "400 validity_too_long", "400 validity_in_past", "400 date_out_of_range", "400 outside_allowed_hours", "403 forbidden", "403 site_not_allowed", "409 idempotency_in_flight", "422 idempotency_key_reused"])]
    [Function("IssuePass")]
    public async Task<Results<Created<PassResponse>, Ok<PassResponse>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/passes")] HttpRequest req, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Issuer | Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        var keys = req.Headers["Idempotency-Key"];
        if (IdempotencyStore.CheckKey(keys) is { } badKey)
        {
            return badKey.ToResult();
        }

        var key = keys.FirstOrDefault();
        var body = await JsonBody.ReadAsync(req, AccessPmcJson.Default.IssuePassRequest, options.Value.MaxBodyBytes, ct);
        if (body.Error is not null)
        {
            return body.Error.ToResult();
        }

        var draft = rules.Validate(body.Value!, admission.Admitted, time.GetUtcNow());
        if (draft.Violation is not null)
        {
            return draft.Violation.ToResult();
        }

        var hash = IdempotencyStore.RequestHash(body.Value!, AccessPmcJson.Default.IssuePassRequest);
        var issued = await issuer.IssueAsync(admission.Admitted, draft.Value!, key, hash, ct);
        if (issued.Violation is not null)
        {
            return issued.Violation.ToResult();
        }

        var pass = issued.Value!.Pass.ToResponse(req);
        return issued.Value.Replayed ? TypedResults.Ok(pass) : TypedResults.Created(pass.Links.Self, pass);
    }
}
