using AccessPmc.Contracts;
using AccessPmc.Functions.ApiDescription;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.Functions.Passes;

public sealed class GetPassFunction(RequestGate gate, PassAccess passes)
{
    [ApiDescription("One pass (another unit's pass is 404)", Roles = Role.Issuer | Role.Admin, Problems = ["404 not_found"])]
    [Function("GetPass")]
    public async Task<Results<Ok<PassResponse>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/passes/{id}")] HttpRequest req, string id, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Issuer | Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        var pass = await passes.FindAsync(admission.Admitted, id, ct);
        return pass.Violation is null ? TypedResults.Ok(pass.Value!.ToResponse(req)) : pass.Violation.ToResult();
    }
}
