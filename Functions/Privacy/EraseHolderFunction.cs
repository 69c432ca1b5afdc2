using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Privacy;

public sealed class EraseHolderFunction(RequestGate gate, HolderData holders, IOptions<AccessPmcOptions> options, ILogger<EraseHolderFunction> logger)
{
    [Function("EraseHolder")]
    public async Task<Results<Ok<HolderErasure>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/holders/erase")] HttpRequest req, CancellationToken ct)
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

        var erased = await holders.EraseAsync(await holders.FindAsync(holder.Value.Given, holder.Value.Family, ct), admission.Admitted.Id, ct);
        logger.LogInformation("Holder erasure by {AdminId}: {Passes} passes erased, {Revoked} revoked", admission.Admitted.Id, erased.PassesErased, erased.PassesRevoked);
        return TypedResults.Ok(erased);
    }
}
