using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Presence;

/// <summary><c>GET /api/anomalies?site=&amp;from=&amp;to=&amp;pageSize=&amp;next=</c> (admin): anomalies in a bounded time range, oldest first, paged.</summary>
public sealed class AnomaliesFunction(RequestGate gate, AnomalyStore anomalies, IOptions<AccessPmcOptions> options, TimeProvider time)
{
    [Function("ListAnomalies")]
    public async Task<Results<Ok<AnomalyPage>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/anomalies")] HttpRequest req, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        var query = AnomalyQuery.Parse(req.Query, options.Value, time.GetUtcNow());
        if (query.Violation is not null)
        {
            return query.Violation.ToResult();
        }

        var (site, from, to, size, next) = query.Value!;
        var (items, token) = await anomalies.PageAsync(site, from, to, size, next, ct);
        return TypedResults.Ok(new AnomalyPage(items.Select(a => a.ToContract()).ToList(), token));
    }
}
