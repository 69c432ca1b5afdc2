using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Statistics;

/// <summary>
/// <c>GET /api/stats?from=&amp;to=&amp;site=&amp;unit=&amp;granularity=hour|day</c> (admin, issuer): anonymous counters per
/// bucket, read from the rows written as events happened (<see cref="StatsReader"/>). An issuer sees the passes of its
/// units and the scans and occupancy of its sites only (<see cref="StatsQuery"/>).
/// </summary>
public sealed class StatsFunction(RequestGate gate, StatsReader reader, IOptions<AccessPmcOptions> options, TimeProvider time)
{
    [Function("GetStats")]
    public async Task<Results<Ok<StatsResponse>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/stats")] HttpRequest req, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Admin | Role.Issuer, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        var query = StatsQuery.Parse(req.Query, admission.Admitted, options.Value, time.GetUtcNow());
        if (query.Violation is not null)
        {
            return query.Violation.ToResult();
        }

        var read = await reader.ReadAsync(query.Value!, ct);
        req.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(read.Response);
    }
}
