using System.Security.Cryptography;
using System.Text;
using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Passes;

public enum ReservationKind
{
    /// <summary>Go ahead and store the pass with <see cref="Reservation.PassId"/>.</summary>
    Proceed,

    /// <summary>Already done: answer with the stored pass.</summary>
    Replay,
}

public sealed record Reservation(ReservationKind Kind, string PassId, string RowKey);

/// <summary>
/// <c>Idempotency-Key</c> per client. The key reserves a pass id before anything is written, so a
/// retry (or a resumed crash) completes the same pass instead of creating a second one.
/// </summary>
public sealed class IdempotencyStore(Tables tables, TimeProvider time, IOptions<AccessPmcOptions> options)
{
    public const int MaxKeyLength = 128;

    /// <summary>A first request younger than this is assumed to be still running.</summary>
    public static readonly TimeSpan InFlightWindow = TimeSpan.FromSeconds(30);

    public static ApiError? CheckKey(string? key) =>
        key is null || key.Length is > 0 and <= MaxKeyLength && key.All(c => c is > ' ' and < '\u007f')
            ? null
            : ApiError.Invalid(ErrorCodes.ValidationFailed, "Idempotency-Key", $"1 to {MaxKeyLength} printable ASCII characters.");

    public static string RequestHash<T>(T request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(request, type)));

    public async Task<Outcome<Reservation>> ReserveAsync(string clientId, string key, string requestHash, string newPassId, CancellationToken ct)
    {
        var rowKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var attempt = Guid.NewGuid().ToString("N");
        while (true)
        {
            var now = time.GetUtcNow();
            var row = new IdempotencyEntity { PartitionKey = clientId, RowKey = rowKey, RequestHash = requestHash, PassId = newPassId, Attempt = attempt, CreatedAt = now };
            try
            {
                await tables.Idempotency.AddEntityAsync(row, ct);
                return new Reservation(ReservationKind.Proceed, newPassId, rowKey);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Someone (maybe our own write whose reply was lost) holds the key: look at it.
            }

            var found = await tables.Idempotency.GetEntityIfExistsAsync<IdempotencyEntity>(clientId, rowKey, cancellationToken: ct);
            if (!found.HasValue || found.Value is not { } existing)
            {
                continue;
            }

            if (existing.Attempt == attempt)
            {
                return new Reservation(ReservationKind.Proceed, existing.PassId, rowKey);
            }

            var expired = existing.CreatedAt < now - options.Value.IdempotencyRetention;
            if (!expired && existing.RequestHash != requestHash)
            {
                return new ApiError(StatusCodes.Status422UnprocessableEntity, ErrorCodes.IdempotencyMismatch, "Idempotency-Key already used for another request.", "Use a new key for a different pass.");
            }

            if (!expired && existing.Done)
            {
                return new Reservation(ReservationKind.Replay, existing.PassId, rowKey);
            }

            if (!expired && existing.CreatedAt > now - InFlightWindow)
            {
                return new ApiError(StatusCodes.Status409Conflict, ErrorCodes.IdempotencyInFlight, "The first request with this Idempotency-Key is still running.", "Retry in a few seconds.");
            }

            // A stale reservation (its request died) or an expired key: take it over, keeping the
            // reserved pass id when the request is the same so that a half-written pass is completed.
            existing.Attempt = attempt;
            existing.CreatedAt = now;
            existing.Done = false;
            if (expired)
            {
                existing.PassId = newPassId;
                existing.RequestHash = requestHash;
            }

            try
            {
                await tables.Idempotency.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, ct);
                return new Reservation(ReservationKind.Proceed, existing.PassId, rowKey);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Another retry took it over first; look again.
            }
        }
    }

    public Task CompleteAsync(string clientId, Reservation reservation, CancellationToken ct) =>
        tables.Idempotency.UpdateEntityAsync(
            new TableEntity(clientId, reservation.RowKey) { [nameof(IdempotencyEntity.Done)] = true },
            ETag.All,
            TableUpdateMode.Merge,
            ct);
}

public sealed class IdempotencyEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string RequestHash { get; set; } = "";
    public string PassId { get; set; } = "";
    public string Attempt { get; set; } = "";
    public bool Done { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
