using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Scanner;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Clients;

public sealed class CreateClientFunction(Gate gate, ClientRules rules, ClientStore clients, EnrolmentLinks links, IOptions<AccessPmcOptions> options, ILogger<CreateClientFunction> logger)
{
    [Function("CreateClient")]
    public async Task<Results<Created<ClientWithKey>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/clients")] HttpRequest req, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        var body = await JsonBody.ReadAsync(req, AccessPmcJson.Default.CreateClientRequest, options.Value.MaxBodyBytes, ct);
        if (body.Error is not null)
        {
            return body.Error.ToResult();
        }

        var draft = rules.Validate(body.Value!);
        if (draft.Error is not null)
        {
            return draft.Error.ToResult();
        }

        var d = draft.Value!;
        var created = await clients.CreateAsync(d.Name, d.Role, d.Units, d.Sites, ct);
        logger.LogInformation("Client {ClientId} ({Role}) created by {AdminId}", created.Client.Id, created.Client.Role, admission.Admitted.Id);
        req.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"clients/{created.Client.Id}", d.Role == Role.Scanner ? created with { EnrolmentUrl = links.For(req, created.ApiKey) } : created);
    }
}
