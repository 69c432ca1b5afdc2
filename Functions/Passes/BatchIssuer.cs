using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using AccessPmc.Functions.Storage;

namespace AccessPmc.Functions.Passes;

/// <summary>
/// Bulk issuance: every row is validated on its own (a bad row fails alone), the good ones are
/// signed and stored together through <see cref="PassStore.InsertAsync"/>, which batches per partition.
/// </summary>
public sealed class BatchIssuer(PassRules rules, PassIssuer issuer, PassStore store, IdempotencyStore idempotency, TimeProvider time)
{
    private sealed record Row(int Index, PassDraft Draft, string? Key, string Hash);

    public async Task<BatchIssueResponse> IssueAsync(ApiCaller caller, IReadOnlyList<BatchIssueItem> items, CancellationToken ct)
    {
        var results = new BatchItemResult?[items.Count];
        var rows = Validate(caller, items, results);

        var reservations = new Reservation?[items.Count];
        await Parallel.ForEachAsync(rows.Where(r => r.Key is not null), new ParallelOptions { MaxDegreeOfParallelism = TableBatches.Parallelism, CancellationToken = ct }, async (row, token) =>
        {
            var reserved = await idempotency.ReserveAsync(caller.Id, row.Key!, row.Hash, PassIssuer.NewId(), token);
            if (reserved.Error is not null)
            {
                results[row.Index] = Failed(row.Index, reserved.Error);
            }
            else
            {
                reservations[row.Index] = reserved.Value;
            }
        });

        var fresh = rows.Where(r => results[r.Index] is null && reservations[r.Index]?.Kind != ReservationKind.Replay).ToList();
        var built = fresh.Select(r => issuer.Build(r.Draft, reservations[r.Index]?.PassId ?? PassIssuer.NewId(), caller.Id)).ToList();
        var stored = await store.InsertAsync(built, ct);
        for (var i = 0; i < fresh.Count; i++)
        {
            var status = stored[i].IssueAttempt == built[i].IssueAttempt ? BatchItemStatuses.Created : BatchItemStatuses.Existing;
            results[fresh[i].Index] = new BatchItemResult(fresh[i].Index, status, stored[i].Id, stored[i].Code, null);
        }

        await Parallel.ForEachAsync(rows.Where(r => reservations[r.Index] is not null), new ParallelOptions { MaxDegreeOfParallelism = TableBatches.Parallelism, CancellationToken = ct }, async (row, token) =>
        {
            var reservation = reservations[row.Index]!;
            if (reservation.Kind == ReservationKind.Proceed)
            {
                await idempotency.CompleteAsync(caller.Id, reservation, token);
                return;
            }

            results[row.Index] = await store.FindAsync(reservation.PassId, token) is { } pass
                ? new BatchItemResult(row.Index, BatchItemStatuses.Existing, pass.Id, pass.Code, null)
                : Failed(row.Index, ApiError.NotFound("pass"));
        });

        var all = results.Select((r, i) => r ?? Failed(i, ApiError.NotFound("pass"))).ToList();
        return new BatchIssueResponse(
            all.Count(r => r.Status == BatchItemStatuses.Created),
            all.Count(r => r.Status == BatchItemStatuses.Existing),
            all.Count(r => r.Status == BatchItemStatuses.Failed),
            all);
    }

    private List<Row> Validate(ApiCaller caller, IReadOnlyList<BatchIssueItem> items, BatchItemResult?[] results)
    {
        var now = time.GetUtcNow();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<Row>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var request = new IssuePassRequest(item.GivenName, item.FamilyName, item.Kind, item.ValidFrom, item.ValidUntil, item.Sites, item.Unit);
            var error = IdempotencyStore.CheckKey(item.IdempotencyKey)
                ?? (item.IdempotencyKey is { } key && !keys.Add(key)
                    ? ApiError.Invalid(ErrorCodes.IdempotencyMismatch, "idempotencyKey", "The same key twice in one batch.")
                    : null);
            var draft = error is null ? rules.Validate(request, caller, now) : default;
            if ((error ?? draft.Error) is { } failure)
            {
                results[i] = Failed(i, failure);
                continue;
            }

            rows.Add(new Row(i, draft.Value!, item.IdempotencyKey, IdempotencyStore.RequestHash(request, AccessPmcJson.Default.IssuePassRequest)));
        }

        return rows;
    }

    private static BatchItemResult Failed(int index, ApiError error) =>
        new(index, BatchItemStatuses.Failed, null, null, error.ToContract());
}
