using System.Security.Cryptography;
using AccessPmc.Contracts;
using AccessPmc.Functions.Security;
using AccessPmc.PassFormat;
using Microsoft.Extensions.Logging;

namespace AccessPmc.Functions.Passes;

public sealed record IssuedPass(PassEntity Pass, bool Replayed);

/// <summary>Signs and stores passes, once per idempotency key.</summary>
public sealed class PassIssuer(PassStore store, PassCodec codec, SigningKeyRing keys, IdempotencyStore idempotency, TimeProvider time, ILogger<PassIssuer> logger)
{
    public async Task<Checked<IssuedPass>> IssueAsync(ApiCaller caller, PassDraft draft, string? idempotencyKey, string requestHash, CancellationToken ct)
    {
        var id = NewId();
        var issuedAt = time.GetUtcNow();
        Reservation? reservation = null;
        if (idempotencyKey is not null)
        {
            var reserved = await idempotency.ReserveAsync(caller.Id, idempotencyKey, requestHash, id, ct);
            if (reserved.Violation is not null)
            {
                return reserved.Violation;
            }

            reservation = reserved.Value!;
            if (reservation.Kind == ReservationKind.Replay && await store.FindAsync(reservation.PassId, ct) is { } done)
            {
                return new IssuedPass(done, Replayed: true);
            }

            (id, issuedAt) = (reservation.PassId, reservation.IssuedAt);
        }

        var built = Build(draft, id, caller.Id, issuedAt);
        PassEntity stored;
        try
        {
            stored = (await store.InsertAsync([built], ct))[0];
            if (reservation is not null)
            {
                await idempotency.CompleteAsync(caller.Id, reservation, ct);
            }
        }
        catch (Exception) when (reservation is not null)
        {
            await idempotency.AbandonAsync(caller.Id, reservation);
            throw;
        }

        // Stored by an earlier attempt of this request (a retry after a crash or a lost reply): a replay, 200.
        var replayed = stored.IssueAttempt != built.IssueAttempt;
        logger.LogInformation("Issued pass {PassId} ({Kind}) for unit {Unit} by client {ClientId}, replay: {Replayed}", stored.Id, stored.Kind, stored.Unit, caller.Id, replayed);
        return new IssuedPass(stored, replayed);
    }

    /// <summary>The signed pass row. <paramref name="issuedAt"/> keys its unit index row, so a retry must pass the same time.</summary>
    public PassEntity Build(PassDraft draft, string id, string issuerId, DateTimeOffset issuedAt)
    {
        var claims = new PassClaims(Convert.FromHexString(id), draft.ValidFrom, draft.ValidUntil, draft.Kind, draft.Sites, draft.DisplayLabel);
        return new PassEntity
        {
            PartitionKey = PassStore.PartitionOf(id),
            RowKey = id,
            Kind = draft.Kind,
            Status = PassStatuses.Active,
            ValidFrom = draft.ValidFrom,
            ValidUntil = draft.ValidUntil,
            Sites = string.Join(',', draft.Sites),
            Unit = draft.Unit,
            IssuerId = issuerId,
            IssuedAt = issuedAt,
            KeyId = keys.Signer.KeyId,
            IssueAttempt = Guid.NewGuid().ToString("N"),
            GivenName = draft.GivenName,
            FamilyName = draft.FamilyName,
            HolderKey = HolderNames.MatchKey(draft.GivenName, draft.FamilyName),
            DisplayLabel = draft.DisplayLabel,
            Code = codec.Encode(claims),
        };
    }

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
