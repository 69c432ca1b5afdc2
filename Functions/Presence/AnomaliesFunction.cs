using AccessPmc.Contracts;
using AccessPmc.Functions.ApiDescription;
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
    [ApiDescription("Anomalies in a time range (at most 31 days), oldest first, paged", Roles = Role.Admin, Query = ["site: a catalogue site, or none for all", "from: ISO 8601 with offset, included (default: 24 hours before to)", "to: ISO 8601 with offset, excluded (default: now)", "pageSize: 1 to the configured maximum", "next: the previous page's token"], Problems = ["400 validation_failed", "400 date_out_of_range", "400 unknown_site"])]
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
