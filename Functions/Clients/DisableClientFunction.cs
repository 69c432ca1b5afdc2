using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.Functions.Clients;

public sealed class DisableClientFunction(RequestGate gate, ClientStore clients)
{
    [Function("DisableClient")]
    public async Task<Results<Ok<ClientResponse>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/clients/{id}/disable")] HttpRequest req, string id, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        return await clients.DisableAsync(id, ct) is { } client ? TypedResults.Ok(client) : ApiError.NotFound("client").ToResult();
    }
}
