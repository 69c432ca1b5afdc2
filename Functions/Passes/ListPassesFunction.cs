using System.Globalization;
using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using AccessPmc.Functions.Storage;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Passes;

/// <summary>A unit's passes, newest first, one page at a time (the continuation token is opaque).</summary>
public sealed class ListPassesFunction(Gate gate, Tables tables, PassStore store, IOptions<AccessPmcOptions> options)
{
    [Function("ListPasses")]
    public async Task<Results<Ok<PassPage>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/passes")] HttpRequest req, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Issuer | Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        var caller = admission.Admitted;
        var unit = req.Query["unit"].FirstOrDefault() ?? (caller.Units is [var only] && only != ApiCaller.Everything ? only : null);
        if (unit is null || !PassRules.IsUnitCode(unit))
        {
            return ApiError.Invalid(ErrorCodes.UnknownUnit, "unit", "Say which unit to list.").ToResult();
        }

        if (!caller.MayUseUnit(unit))
        {
            return ApiError.Forbidden(ErrorCodes.Forbidden, $"This client does not serve unit {unit}.").ToResult();
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

        var rows = tables.UnitIndex.QueryAsync<UnitIndexEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {unit}"), maxPerPage: size, cancellationToken: ct);
        await foreach (var page in rows.AsPages(next, size))
        {
            var passes = await Task.WhenAll(page.Values.Select(r => store.FindAsync(r.PassId, ct)));
            var items = passes.OfType<PassEntity>().Select(p => p.ToResponse(req)).ToList();
            return TypedResults.Ok(new PassPage(items, page.ContinuationToken));
        }

        return TypedResults.Ok(new PassPage([], null));
    }
}
