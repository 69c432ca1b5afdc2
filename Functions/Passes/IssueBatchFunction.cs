using AccessPmc.Contracts;
using AccessPmc.Functions.ApiDescription;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Passes;

/// <summary>
/// <c>POST /api/passes/batch</c>: up to <see cref="AccessPmcOptions.MaxBatchItems"/> passes as JSON or as
/// <c>text/csv</c> (with <c>?dates=day-first</c> for day/month/year dates); 200 with a result per item.
/// </summary>
public sealed class IssueBatchFunction(RequestGate gate, BatchIssuer batches, CsvBatch csv, IOptions<AccessPmcOptions> options)
{
    private sealed record Items(IReadOnlyList<BatchIssueItem> List, IReadOnlyList<Violation?>? Refusals);

    [ApiDescription("Issues up to 1,000 passes (JSON or CSV) with per-item results", Roles = Role.Issuer | Role.Admin, Request = typeof(BatchIssueRequest), RequestMedia = ["text/csv"], Query = ["dates: iso (the default) or day-first to read CSV dates as dd/MM/yyyy; checked for JSON too, where it has no effect"], Problems = ["400 validation_failed", "400 too_many_items", "400 invalid_csv", "400 invalid_date", "400 invalid_encoding"])]
    [Function("IssuePassBatch")]
    public async Task<Results<Ok<BatchIssueResponse>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/passes/batch")] HttpRequest req, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Issuer | Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        var items = await ReadAsync(req, ct);
        if (items.Error is not null)
        {
            return items.Error.ToResult();
        }

        return TypedResults.Ok(Response(await batches.IssueAsync(admission.Admitted, items.Value!.List, items.Value.Refusals, ct)));
    }

    private static BatchIssueResponse Response(IReadOnlyList<BatchOutcome> outcomes)
    {
        var items = outcomes.Select(o => new BatchItemResult(o.Index, o.Status, o.Pass?.Id, o.Pass?.Code, o.Violation?.ToContract())).ToList();
        int Count(string status) => items.Count(i => i.Status == status);
        return new BatchIssueResponse(Count(BatchItemStatuses.Created), Count(BatchItemStatuses.Existing), Count(BatchItemStatuses.Failed), items);
    }

    private async Task<Outcome<Items>> ReadAsync(HttpRequest req, CancellationToken ct)
    {
        var o = options.Value;
        var order = DateOrder(req);
        if (order.Error is not null)
        {
            return order.Error;
        }

        if (ContentTypes.MediaType(req) == "text/csv")
        {
            return await ReadCsvAsync(req, order.Value, ct);
        }

        var body = await JsonBody.ReadAsync(req, AccessPmcJson.Default.BatchIssueRequest, o.MaxBatchBodyBytes, ct);
        if (body.Error is not null)
        {
            return body.Error;
        }

        return body.Value!.Passes switch
        {
            null or { Count: 0 } => ApiError.Invalid(ErrorCodes.ValidationFailed, "passes", "Give at least one pass."),
            { Count: var n } when n > o.MaxBatchItems => CsvBatch.TooMany(o.MaxBatchItems).ToApiError(),
            var list => new Items(list, null),
        };
    }

    /// <summary>
    /// <c>?dates=</c>, checked whatever the body: JSON dates are typed (ISO 8601 with an offset) and ignore it, but a
    /// caller who misspells it must hear so on either form rather than learn it when switching to CSV.
    /// </summary>
    private static Outcome<CsvBatch.DateOrder> DateOrder(HttpRequest req)
    {
        var values = req.Query["dates"];
        return values.Count > 1 ? ApiError.Invalid(ErrorCodes.ValidationFailed, "dates", "Give dates once: iso (the default) or day-first.")
            : values.FirstOrDefault() switch
            {
                null or "iso" => CsvBatch.DateOrder.Iso,
                "day-first" => CsvBatch.DateOrder.DayFirst,
                _ => ApiError.Invalid(ErrorCodes.ValidationFailed, "dates", "iso (the default) or day-first."),
            };
    }

    private async Task<Outcome<Items>> ReadCsvAsync(HttpRequest req, CsvBatch.DateOrder order, CancellationToken ct)
    {
        var text = await PlainBody.ReadAsync(req, options.Value.MaxBatchBodyBytes, ct);
        if (text.Error is not null)
        {
            return text.Error;
        }

        var rows = csv.Parse(text.Value!, options.Value.MaxBatchItems, order);
        return rows.Violation is null
            ? new Items(rows.Value!.Select(r => r.Item).ToList(), rows.Value!.Select(r => r.Refusal).ToList())
            : rows.Violation.ToApiError();
    }
}
