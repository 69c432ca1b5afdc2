using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using AccessPmc.Functions.Storage;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.Functions.Verification;

/// <summary>Revoked passes still within validity, for offline scanners; <c>since</c> makes it incremental.</summary>
public sealed class RevocationsFunction(Gate gate, Tables tables, TimeProvider time)
{
    public const int MaxItems = 5000;

    /// <summary>
    /// The cursor never passes "now minus this": rows written by another instance whose clock is a
    /// little behind are sent again on the next sync rather than missed. Scanners de-duplicate by id.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    [Function("GetRevocations")]
    public async Task<Results<Ok<RevocationList>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/revocations")] HttpRequest req, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Scanner | Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        var since = req.Query["since"].FirstOrDefault() ?? "";
        if (since.Length > 64)
        {
            return ApiError.Invalid(ErrorCodes.ValidationFailed, "since", "Pass back the cursor of the previous answer.").ToResult();
        }

        var now = time.GetUtcNow();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PassStore.RevocationPartition} and RowKey gt {since} and ValidUntil ge {now}");
        var items = new List<RevokedPass>();
        var cursor = since;
        await foreach (var row in tables.Revocations.QueryAsync<RevocationEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
        {
            items.Add(new RevokedPass(row.PassId, row.RevokedAt, row.ValidUntil));
            cursor = row.RowKey;
            if (items.Count == MaxItems)
            {
                break;
            }
        }

        var bound = Keys.Ascending(now - Overlap);
        return TypedResults.Ok(new RevocationList(items, string.CompareOrdinal(cursor, bound) < 0 ? cursor : bound, now));
    }
}
