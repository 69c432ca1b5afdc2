using AccessPmc.Contracts;
using AccessPmc.Functions.ApiDescription;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Security;
using AccessPmc.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.Functions.Verification;

/// <summary>Revoked passes still within validity, for offline scanners; <c>since</c> makes it incremental.</summary>
public sealed class RevocationsFunction(RequestGate gate, RevocationStore revocations, TimeProvider time)
{
    public const int MaxItems = 5000;

    /// <summary>
    /// The cursor never passes "now minus this": rows written by another instance whose clock is a
    /// little behind are sent again on the next sync rather than missed. Scanners de-duplicate by id.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    /// <summary>How far ahead of this instance's clock a cursor may be (another instance's clock): beyond, it was never handed out.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(1);

    [ApiDescription("Revoked pass ids still within validity, incremental, for offline scanners", Roles = Role.Scanner | Role.Admin, Query = ["since: the cursor of the previous answer, or none for all"], Problems = ["400 invalid_cursor"])]
    [Function("GetRevocations")]
    public async Task<Results<Ok<RevocationList>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/revocations")] HttpRequest req, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Scanner | Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        var now = time.GetUtcNow();
        var since = req.Query["since"].FirstOrDefault() ?? "";

        // A date, a typo or a cursor from the future (never handed out; another instance's clock may run a little
        // ahead) must not read as "nothing new": a scanner would skip revocations in silence.
        if (!RevocationStore.IsCursor(since) || string.CompareOrdinal(since, RowKeys.Ascending(now + ClockTolerance)) > 0)
        {
            return ApiError.Invalid(ErrorCodes.InvalidCursor, "since", "Pass back the 'cursor' of the previous answer as it was, or nothing for the full list.").ToResult();
        }

        var rows = await revocations.SinceAsync(since, now, MaxItems, ct);
        var items = rows.Select(r => new RevokedPass(r.PassId, r.RevokedAt, r.ValidUntil)).ToList();
        var cursor = rows.Count > 0 ? rows[^1].RowKey : since;
        var bound = RowKeys.Ascending(now - Overlap);
        return TypedResults.Ok(new RevocationList(items, string.CompareOrdinal(cursor, bound) < 0 ? cursor : bound, now));
    }
}
