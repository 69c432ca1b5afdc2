using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.Functions.Clients;

public sealed class ListClientsFunction(Gate gate, ClientStore clients)
{
    [Function("ListClients")]
    public async Task<Results<Ok<ClientList>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/clients")] HttpRequest req, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Admin, ct);
        return admission.Denied is { } denied ? denied : TypedResults.Ok(new ClientList(await clients.ListAsync(ct)));
    }
}
