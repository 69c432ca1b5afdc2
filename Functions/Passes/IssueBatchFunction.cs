using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Passes;

public sealed class IssueBatchFunction(RequestGate gate, BatchIssuer batches, IOptions<AccessPmcOptions> options)
{
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

        return TypedResults.Ok(Response(await batches.IssueAsync(admission.Admitted, items.Value!, ct)));
    }

    private static BatchIssueResponse Response(IReadOnlyList<BatchOutcome> outcomes)
    {
        var items = outcomes.Select(o => new BatchItemResult(o.Index, o.Status, o.Pass?.Id, o.Pass?.Code, o.Violation?.ToContract())).ToList();
        int Count(string status) => items.Count(i => i.Status == status);
        return new BatchIssueResponse(Count(BatchItemStatuses.Created), Count(BatchItemStatuses.Existing), Count(BatchItemStatuses.Failed), items);
    }

    private async Task<Outcome<IReadOnlyList<BatchIssueItem>>> ReadAsync(HttpRequest req, CancellationToken ct)
    {
        var o = options.Value;
        if (req.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true)
        {
            var text = await PlainBody.ReadAsync(req, o.MaxBatchBodyBytes, ct);
            if (text.Error is not null)
            {
                return text.Error;
            }

            var parsed = CsvBatch.Parse(text.Value!, o.MaxBatchItems);
            return parsed.Violation is null ? parsed.Value! : parsed.Violation.ToApiError();
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
            var list => Outcome(list),
        };
    }

    private static Outcome<IReadOnlyList<BatchIssueItem>> Outcome(IReadOnlyList<BatchIssueItem> list) => new(list, null);
}
