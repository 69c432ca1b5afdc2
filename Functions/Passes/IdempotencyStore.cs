using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AccessPmc.Contracts;
using AccessPmc.Functions.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace AccessPmc.Functions.Passes;

public enum ReservationKind
{
    /// <summary>Go ahead and store the pass with <see cref="Reservation.PassId"/>.</summary>
    Proceed,

    /// <summary>Already done: answer with the stored pass.</summary>
    Replay,
}

/// <summary>
/// What a key stands for: the pass id to store (or already stored) and its issue time, the same for every
/// retry of the request, so a retry rebuilds exactly the pass (and index rows) the first attempt began.
/// </summary>
public sealed record Reservation(ReservationKind Kind, string PassId, string RowKey, DateTimeOffset IssuedAt, string Attempt = "");

/// <summary>
/// <c>Idempotency-Key</c> per client (table <c>IdempotencyKeys</c>, D10). The key reserves a pass id before
/// anything is written, so a retry (or a resumed crash) completes the same pass instead of creating a second one.
/// </summary>
public sealed class IdempotencyStore(Tables tables, TimeProvider time, IOptions<AccessPmcOptions> options)
{
    public const int MaxKeyLength = 128;

    /// <summary>A first request younger than this is assumed to be still running.</summary>
    public static readonly TimeSpan InFlightWindow = TimeSpan.FromSeconds(30);

    /// <summary>The header's values: none, or one valid key; two headers are refused (which would be the key?).</summary>
    public static Violation? CheckKey(StringValues keys) =>
        keys.Count > 1
            ? Violation.Invalid(ErrorCodes.ValidationFailed, "Idempotency-Key", "Send one Idempotency-Key header, not several.")
            : CheckKey(keys.FirstOrDefault());

    public static Violation? CheckKey(string? key) =>
        key is null || key.Length is > 0 and <= MaxKeyLength && key.All(c => c is > ' ' and < '\u007f')
            ? null
            : Violation.Invalid(ErrorCodes.ValidationFailed, "Idempotency-Key", $"1 to {MaxKeyLength} printable ASCII characters.");

    /// <summary>SHA-256 (hex) of the request's JSON: the same key with another request is refused.</summary>
    public static string RequestHash<T>(T request, JsonTypeInfo<T> type) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, type)));

    /// <summary>
    /// Reserves <paramref name="newPassId"/> under the key, or says what the key already stands for: a finished
    /// request (replay), another request (422), a request still running (409). A stale reservation (its request
    /// died) or an expired key is taken over, keeping the reserved pass id when the request is the same.
    /// </summary>
    public async Task<Checked<Reservation>> ReserveAsync(string clientId, string key, string requestHash, string newPassId, CancellationToken ct)
    {
        var rowKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var attempt = Guid.NewGuid().ToString("N");
        while (true)
        {
            var now = time.GetUtcNow();
            if (await TryAddAsync(new IdempotencyEntity { PartitionKey = clientId, RowKey = rowKey, RequestHash = requestHash, PassId = newPassId, Attempt = attempt, CreatedAt = now, ReservedAt = now }, ct))
            {
                return new Reservation(ReservationKind.Proceed, newPassId, rowKey, now, attempt);
            }

            // Someone (maybe our own write whose reply was lost) holds the key: decide on the row as it is.
            Checked<Reservation>? decided = null;
            var outcome = await OptimisticUpdate.ApplyAsync(tables.Idempotency, await FindAsync(clientId, rowKey, ct), existing =>
            {
                decided = Decide(existing, attempt, requestHash, now);
                if (decided is not null)
                {
                    return false;
                }

                var expired = existing.CreatedAt < now - options.Value.IdempotencyRetention;
                (existing.Attempt, existing.CreatedAt, existing.Done) = (attempt, now, false);
                if (expired)
                {
                    (existing.PassId, existing.RequestHash, existing.ReservedAt) = (newPassId, requestHash, now);
                }

                return true;
            }, token => FindAsync(clientId, rowKey, token), ct);

            if (outcome is { } o)
            {
                return o.Written ? new Reservation(ReservationKind.Proceed, o.Row.PassId, rowKey, IssuedAt(o.Row), attempt) : decided!.Value;
            }

            // The row went away meanwhile (purged): reserve afresh.
        }
    }

    public Task CompleteAsync(string clientId, Reservation reservation, CancellationToken ct) =>
        tables.Idempotency.UpdateEntityAsync(
            new TableEntity(clientId, reservation.RowKey) { [nameof(IdempotencyEntity.Done)] = true },
            ETag.All,
            TableUpdateMode.Merge,
            ct);

    /// <summary>
    /// Hands a reservation back after its request failed: it stays reserved for the same pass id and issue time
    /// (part of the pass may be stored), but is no longer "in flight", so a retry takes it over at once instead
    /// of waiting <see cref="InFlightWindow"/>. Only this attempt's reservation is touched; a failure to do so is
    /// harmless (the window then simply runs out).
    /// </summary>
    public async Task AbandonAsync(string clientId, Reservation reservation)
    {
        try
        {
            await OptimisticUpdate.ApplyAsync(tables.Idempotency, await FindAsync(clientId, reservation.RowKey, CancellationToken.None), row =>
            {
                if (row.Attempt != reservation.Attempt || row.Done)
                {
                    return false;
                }

                row.CreatedAt = time.GetUtcNow() - InFlightWindow - TimeSpan.FromSeconds(1);
                return true;
            }, token => FindAsync(clientId, reservation.RowKey, token), CancellationToken.None);
        }
        catch (Exception e) when (e is RequestFailedException || StorageFailures.IsUnavailable(e))
        {
            // Storage is what failed the request: the in-flight window will expire by itself.
        }
    }

    /// <summary>Deletes keys created before <paramref name="cutoff"/> (the purge timer); returns how many.</summary>
    public async Task<int> DeleteCreatedBeforeAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var rows = await tables.Idempotency.ListAsync<TableEntity>(TableClient.CreateQueryFilter($"CreatedAt lt {cutoff}"), ct, select: ["PartitionKey", "RowKey"]);

        await TableBatches.SubmitAsync(tables.Idempotency, rows, TableTransactionActionType.Delete, ct);
        return rows.Count;
    }

    /// <summary>The answer a held key gives, or null when it may be taken over.</summary>
    private Checked<Reservation>? Decide(IdempotencyEntity existing, string attempt, string requestHash, DateTimeOffset now)
    {
        if (existing.Attempt == attempt)
        {
            return new Reservation(ReservationKind.Proceed, existing.PassId, existing.RowKey, IssuedAt(existing), attempt);
        }

        if (existing.CreatedAt < now - options.Value.IdempotencyRetention)
        {
            return null;
        }

        if (existing.RequestHash != requestHash)
        {
            return new Violation(ViolationKind.Unprocessable, ErrorCodes.IdempotencyMismatch, "Idempotency-Key", "Idempotency-Key already used for another request: use a new key for a different pass.");
        }

        if (existing.Done)
        {
            return new Reservation(ReservationKind.Replay, existing.PassId, existing.RowKey, IssuedAt(existing));
        }

        if (existing.CreatedAt > now - InFlightWindow)
        {
            return new Violation(ViolationKind.Conflict, ErrorCodes.IdempotencyInFlight, "Idempotency-Key", "The first request with this Idempotency-Key is still running.");
        }

        return null;
    }

    // Rows written before ReservedAt existed carry its default: their creation time is the best answer.
    private static DateTimeOffset IssuedAt(IdempotencyEntity row) => row.ReservedAt == default ? row.CreatedAt : row.ReservedAt;

    private async Task<bool> TryAddAsync(IdempotencyEntity row, CancellationToken ct)
    {
        try
        {
            await tables.Idempotency.AddEntityAsync(row, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    private async Task<IdempotencyEntity?> FindAsync(string clientId, string rowKey, CancellationToken ct)
    {
        var found = await tables.Idempotency.GetEntityIfExistsAsync<IdempotencyEntity>(clientId, rowKey, cancellationToken: ct);
        return found.HasValue ? found.Value : null;
    }
}
