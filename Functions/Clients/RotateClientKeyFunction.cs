using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Scanner;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.Functions.Clients;

public sealed class RotateClientKeyFunction(Gate gate, ClientStore clients, EnrolmentLinks links)
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
        return await clients.RotateKeyAsync(id, ct) is not { } rotated ? ApiError.NotFound("client").ToResult()
            : rotated.Client.Role == Roles.Scanner ? TypedResults.Ok(rotated with { EnrolmentUrl = links.For(req, rotated.ApiKey) })
            : TypedResults.Ok(rotated);
    }
}
