using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.Functions.Clients;

public sealed class RotateClientKeyFunction(RequestGate gate, ClientStore clients)
{
    [Function("RotateClientKey")]
    public async Task<Results<Ok<ClientWithKey>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/clients/{id}/rotate")] HttpRequest req, string id, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        req.HttpContext.Response.Headers.CacheControl = "no-store";
        return await clients.RotateKeyAsync(id, ct) is { } rotated ? TypedResults.Ok(rotated) : ApiError.NotFound("client").ToResult();
    }
}
