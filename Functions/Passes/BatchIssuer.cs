using AccessPmc.Contracts;
using AccessPmc.Functions.Security;
using AccessPmc.Functions.Storage;

namespace AccessPmc.Functions.Passes;

/// <summary>One item of a batch: created now, already there (a replay or resumed batch), or refused.</summary>
public sealed record BatchOutcome(int Index, string Status, PassEntity? Pass, Violation? Violation);

/// <summary>
/// Bulk issuance: every row is validated on its own (a bad row fails alone), the good ones are
/// signed and stored together through <see cref="PassStore.InsertAsync"/>, which batches per partition.
/// </summary>
public sealed class BatchIssuer(PassRules rules, PassIssuer issuer, PassStore store, IdempotencyStore idempotency, TimeProvider time)
{
    private sealed record Row(int Index, PassDraft Draft, string? Key, string Hash);

    /// <param name="refusals">Items already refused while reading the request (by index), e.g. a CSV date that cannot be read.</param>
    public async Task<IReadOnlyList<BatchOutcome>> IssueAsync(ApiCaller caller, IReadOnlyList<BatchIssueItem> items, IReadOnlyList<Violation?>? refusals, CancellationToken ct)
    {
        var results = new BatchOutcome?[items.Count];
        for (var i = 0; i < (refusals?.Count ?? 0); i++)
        {
            results[i] = refusals![i] is { } refusal ? Failed(i, refusal) : null;
        }

        var rows = Validate(caller, items, results);

        var reservations = new Reservation?[items.Count];
        await Parallel.ForEachAsync(rows.Where(r => r.Key is not null), Parallelism(ct), async (row, token) =>
        {
            var reserved = await idempotency.ReserveAsync(caller.Id, row.Key!, row.Hash, PassIssuer.NewId(), token);
            if (reserved.Violation is not null)
            {
                results[row.Index] = Failed(row.Index, reserved.Violation);
            }
            else
            {
                reservations[row.Index] = reserved.Value;
            }
        });

        try
        {
            await StoreAsync(caller, rows, results, reservations, ct);
        }
        catch (Exception)
        {
            // A failed request must not leave its keys "in flight": a retry takes them over at once.
            await Task.WhenAll(reservations.OfType<Reservation>().Where(r => r.Kind == ReservationKind.Proceed).Select(r => idempotency.AbandonAsync(caller.Id, r)));
            throw;
        }

        return results.Select((r, i) => r ?? Failed(i, Violation.NotFound("pass"))).ToList();
    }

    private async Task StoreAsync(ApiCaller caller, List<Row> rows, BatchOutcome?[] results, Reservation?[] reservations, CancellationToken ct)
    {
        var fresh = rows.Where(r => results[r.Index] is null && reservations[r.Index]?.Kind != ReservationKind.Replay).ToList();
        var now = time.GetUtcNow();
        var built = fresh.Select(r => reservations[r.Index] is { } reserved
            ? issuer.Build(r.Draft, reserved.PassId, caller.Id, reserved.IssuedAt)
            : issuer.Build(r.Draft, PassIssuer.NewId(), caller.Id, now)).ToList();
        var stored = await store.InsertAsync(built, ct);
        for (var i = 0; i < fresh.Count; i++)
        {
            var status = stored[i].IssueAttempt == built[i].IssueAttempt ? BatchItemStatuses.Created : BatchItemStatuses.Existing;
            results[fresh[i].Index] = new BatchOutcome(fresh[i].Index, status, stored[i], null);
        }

        await Parallel.ForEachAsync(rows.Where(r => reservations[r.Index] is not null), Parallelism(ct), async (row, token) =>
        {
            var reservation = reservations[row.Index]!;
            if (reservation.Kind == ReservationKind.Proceed)
            {
                await idempotency.CompleteAsync(caller.Id, reservation, token);
                return;
            }

            results[row.Index] = await store.FindAsync(reservation.PassId, token) is { } pass
                ? new BatchOutcome(row.Index, BatchItemStatuses.Existing, pass, null)
                : Failed(row.Index, Violation.NotFound("pass"));
        });
    }

    private List<Row> Validate(ApiCaller caller, IReadOnlyList<BatchIssueItem> items, BatchOutcome?[] results)
    {
        var now = time.GetUtcNow();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<Row>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (results[i] is not null)
            {
                continue;
            }

            // JSON allows null in an array; such an item fails alone, as any other bad item does.
            if (items[i] is not { } item)
            {
                results[i] = Failed(i, Violation.Invalid(ErrorCodes.ValidationFailed, "passes", $"Item {i} is null: each item must be a pass object."));
                continue;
            }

            var request = new IssuePassRequest(item.GivenName, item.FamilyName, item.Kind, item.ValidFrom, item.ValidUntil, item.Sites, item.Unit);
            var refusal = IdempotencyStore.CheckKey(item.IdempotencyKey)
                ?? (item.IdempotencyKey is { } key && !keys.Add(key)
                    ? Violation.Invalid(ErrorCodes.IdempotencyMismatch, "idempotencyKey", "The same key twice in one batch.")
                    : null);
            var draft = refusal is null ? rules.Validate(request, caller, now) : default;
            if ((refusal ?? draft.Violation) is { } failure)
            {
                results[i] = Failed(i, failure);
                continue;
            }

            rows.Add(new Row(i, draft.Value!, item.IdempotencyKey, IdempotencyStore.RequestHash(request, AccessPmcJson.Default.IssuePassRequest)));
        }

        return rows;
    }

    private static ParallelOptions Parallelism(CancellationToken ct) =>
        new() { MaxDegreeOfParallelism = TableBatches.Parallelism, CancellationToken = ct };

    private static BatchOutcome Failed(int index, Violation violation) =>
        new(index, BatchItemStatuses.Failed, null, violation);
}
