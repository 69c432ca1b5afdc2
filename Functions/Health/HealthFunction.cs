using AccessPmc.Contracts;
using AccessPmc.Functions.ApiDescription;
using AccessPmc.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.Functions.Health;

public sealed class HealthFunction(Tables tables)
{
    [ApiDescription("Whether storage is reachable (503 with the same body when it is not)", JsonStatus = 503)]
    [Function("Health")]
    public async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/health")] HttpRequest req, CancellationToken ct)
    {
        try
        {
            await tables.Passes.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("health", "probe", cancellationToken: ct);
            return TypedResults.Ok(new HealthResponse("healthy", "reachable"));
        }
        catch (Exception e) when (StorageFailures.IsUnavailable(e) || e is Azure.RequestFailedException)
        {
            return TypedResults.Json(new HealthResponse("unhealthy", "unreachable"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
