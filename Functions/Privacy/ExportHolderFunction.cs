using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Privacy;

public sealed class ExportHolderFunction(RequestGate gate, HolderData holders, IOptions<AccessPmcOptions> options, ILogger<ExportHolderFunction> logger)
{
    [Function("ExportHolder")]
    public async Task<Results<Ok<HolderExport>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/holders/export")] HttpRequest req, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        var holder = await HolderRequests.ReadAsync(req, options.Value.MaxBodyBytes, ct);
        if (holder.Error is not null)
        {
            return holder.Error.ToResult();
        }

        var passes = await holders.FindAsync(holder.Value.Given, holder.Value.Family, ct);
        var scans = await holders.ScansAsync(passes, ct);
        logger.LogInformation("Holder export by {AdminId}: {Passes} passes, {Scans} scan events", admission.Admitted.Id, passes.Count, scans.Count);
        req.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new HolderExport(passes.Select(p => p.ToResponse(req)).ToList(), scans));
    }
}
