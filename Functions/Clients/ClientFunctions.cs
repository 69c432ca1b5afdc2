using AccessPmc.Contracts;
using AccessPmc.Functions.ApiDescription;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Scanner;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Clients;

/// <summary>
/// API clients (admin only): create one (its key is in that answer only), read, list, disable, rotate the key.
/// Answers that carry a key are <c>Cache-Control: no-store</c>.
/// </summary>
public sealed class ClientFunctions(RequestGate gate, ClientRules rules, ClientStore clients, EnrolmentLinks links, IOptions<AccessPmcOptions> options, ILogger<ClientFunctions> logger)
{
    [ApiDescription("Creates an API client; its key is shown once (a scanner's answer has its enrolment URL)", Roles = Role.Admin, Request = typeof(CreateClientRequest), Problems = ["400 validation_failed", "400 unknown_site", "400 unknown_unit"])]
    [Function("CreateClient")]
    public async Task<Results<Created<ClientWithKey>, ProblemHttpResult>> Create(
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
        if (draft.Violation is not null)
        {
            return draft.Violation.ToResult();
        }

        var d = draft.Value!;
        var created = await clients.CreateAsync(d.Name, d.Role, d.Units, d.Sites, ct);
        logger.LogInformation("Client {ClientId} ({Role}) created by {AdminId}", created.Client.Id, created.Client.Role, admission.Admitted.Id);
        req.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/clients/{created.Client.Id}", d.Role == Role.Scanner ? created with { EnrolmentUrl = links.For(req, created.ApiKey) } : created);
    }

    [ApiDescription("The stored API clients (never their keys)", Roles = Role.Admin)]
    [Function("ListClients")]
    public async Task<Results<Ok<ClientList>, ProblemHttpResult>> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/clients")] HttpRequest req, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Admin, ct);
        return admission.Denied is { } denied ? denied : TypedResults.Ok(new ClientList(await clients.ListAsync(ct)));
    }

    [ApiDescription("One stored API client (never its key): where a creation's Location points", Roles = Role.Admin, Problems = ["404 not_found"])]
    [Function("GetClient")]
    public async Task<Results<Ok<ClientResponse>, ProblemHttpResult>> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/clients/{id}")] HttpRequest req, string id, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        return await clients.GetAsync(id, ct) is { } client ? TypedResults.Ok(client) : ApiError.NotFound("client").ToResult();
    }

    [ApiDescription("Disables a client: its key stops working", Roles = Role.Admin, Problems = ["404 not_found"])]
    [Function("DisableClient")]
    public async Task<Results<Ok<ClientResponse>, ProblemHttpResult>> Disable(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/clients/{id}/disable")] HttpRequest req, string id, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        return await clients.DisableAsync(id, ct) is { } client ? TypedResults.Ok(client) : ApiError.NotFound("client").ToResult();
    }

    [ApiDescription("Gives an enabled client a new key (shown once); the old one stops working", Roles = Role.Admin, Problems = ["404 not_found", "409 client_disabled"])]
    [Function("RotateClientKey")]
    public async Task<Results<Ok<ClientWithKey>, ProblemHttpResult>> Rotate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/clients/{id}/rotate")] HttpRequest req, string id, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        var rotation = await clients.RotateKeyAsync(id, ct);
        if (rotation.Violation is not null)
        {
            return rotation.Violation.ToResult();
        }

        var rotated = rotation.Value!;
        req.HttpContext.Response.Headers.CacheControl = "no-store";
        return rotated.Client.Role == Roles.Scanner ? TypedResults.Ok(rotated with { EnrolmentUrl = links.For(req, rotated.ApiKey) }) : TypedResults.Ok(rotated);
    }
}
