using System.Globalization;
using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Passes;

/// <summary>A unit's passes, newest first, one page at a time (the continuation token is opaque).</summary>
public sealed class ListPassesFunction(RequestGate gate, PassIndexes indexes, PassStore store, IOptions<AccessPmcOptions> options)
{
    [Function("ListPasses")]
    public async Task<Results<Ok<PassPage>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/passes")] HttpRequest req, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Issuer | Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        var unit = PassRules.Unit(req.Query["unit"].FirstOrDefault(), admission.Admitted);
        if (unit.Violation is not null)
        {
            return unit.Violation.ToResult();
        }

        var max = options.Value.MaxPageSize;
        var size = req.Query["pageSize"].FirstOrDefault() is { } s ? int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1 : max;
        if (size is < 1 || size > max)
        {
            return ApiError.Invalid(ErrorCodes.ValidationFailed, "pageSize", $"1 to {max}.").ToResult();
        }

        var next = req.Query["next"].FirstOrDefault();
        if (next is { Length: > 1024 })
        {
            return ApiError.Invalid(ErrorCodes.ValidationFailed, "next", "Pass back the 'next' of the previous page.").ToResult();
        }

        var page = await indexes.PageByUnitAsync(unit.Value!, size, next, ct);
        var passes = await Task.WhenAll(page.Ids.Select(id => store.FindAsync(id, ct)));
        return TypedResults.Ok(new PassPage(passes.OfType<PassEntity>().Select(p => p.ToResponse(req)).ToList(), page.Next));
    }
}
