using System.Globalization;
using AccessPmc.Contracts;
using AccessPmc.Functions.ApiDescription;
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
    [ApiDescription("A unit's passes, newest first, paged", Roles = Role.Issuer | Role.Admin, Query = ["unit: the unit (required when the client serves several)", "pageSize: 1 to the configured maximum", "next: the previous page's cursor"], Problems = ["400 validation_failed", "400 unknown_unit", "400 invalid_cursor", "403 forbidden"])]
    [Function("ListPasses")]
    public async Task<Results<Ok<PassPage>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/passes")] HttpRequest req, CancellationToken ct)
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
        if (next is not null && !PassIndexes.IsUnitCursor(next))
        {
            // A bad cursor must not read as "end of list".
            return ApiError.Invalid(ErrorCodes.InvalidCursor, "next", "Pass back the 'next' of the previous page, as it was.").ToResult();
        }

        var page = await indexes.PageByUnitAsync(unit.Value!, size, next, ct);
        var passes = await Task.WhenAll(page.Rows.Select(async row => (Row: row, Pass: await store.FindAsync(row.PassId, ct))));
        var shown = passes.Where(p => p.Pass is { } pass && IsItsIndexRow(pass, p.Row)).Select(p => p.Pass!.ToResponse(req)).ToList();
        return TypedResults.Ok(new PassPage(shown, page.Next));
    }

    /// <summary>
    /// A pass is listed only through the index row written with its own issue time: a row left by an
    /// interrupted attempt (index rows are written first, D3) never shows the pass a second time.
    /// </summary>
    private static bool IsItsIndexRow(PassEntity pass, UnitIndexEntity row) =>
        (pass.IssuedAt - PassIndexes.IssuedAtOf(row)).Duration() < TimeSpan.FromMilliseconds(1);
}
