using System.Security.Cryptography;
using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Presence;
using AccessPmc.Functions.Statistics;
using AccessPmc.Functions.Storage;
using AccessPmc.PassFormat;

namespace AccessPmc.Functions.Verification;

/// <summary>
/// The gate check: the code's own checks (offline), then the pass status (online), then presence for an entry or
/// exit, then a scan event and, behind the answer, anomalies. A check reads storage once; an entry or exit reads
/// the presence row and counter beside the status and writes both in one transaction.
/// </summary>
public sealed class PassVerifier(OfflineVerifier offline, PassCodec codec, PassStore store, PresenceTracker presence, ScanLog scans, AnomalyWatch anomalies, StatsRecorder stats, TimeProvider time)
{
    /// <summary>
    /// The verdict for <paramref name="received"/> as the scanner sent it: repaired where unambiguous
    /// (<see cref="CodeInput.Normalize"/>), else refused with a hint when its damage is recognised.
    /// <paramref name="direction"/> is one of <see cref="Directions.All"/>; <paramref name="site"/> a catalogue code.
    /// </summary>
    public async Task<VerifyResponse> VerifyAsync(string? received, string site, string direction, string scannerId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var code = CodeInput.Normalize(received);
        var (reading, reason) = offline.Check(code, site, now);
        var hint = reason is VerifyReasons.Malformed or VerifyReasons.BadSignature or VerifyReasons.UnknownKey ? CodeInput.DamageHint(code ?? "", codec) : null;
        if (hint is not null)
        {
            // Recognised damage is not forgery: say "unreadable, fix the scanner", never "forged".
            reason = VerifyReasons.Malformed;
        }

        var claims = reading.Claims;

        // Presence is read beside the status, so an entry waits for one round trip of reads, not two.
        var snapshot = direction != Directions.Check && claims is not null ? presence.ReadAsync(site, claims.IdHex, ct) : null;
        if (reason is null && claims is not null)
        {
            reason = await StatusReasonAsync(claims.IdHex, ct);
        }

        PresenceResult? result = null;
        PresenceState? state = null;
        if (snapshot is not null)
        {
            // Only a valid pass enters; an authentic pass always leaves (a person who is inside must be counted out).
            result = direction == Directions.Exit || reason is null
                ? await presence.ApplyAsync(direction, site, claims!.IdHex, scannerId, now, null, await snapshot, ct)
                : new PresenceResult(PresenceOutcome.Unchanged, await snapshot);
            reason ??= PresenceReason(result.Outcome, presence.Site(site));
            state = await presence.StateAsync(result, ct);
        }

        var verdict = reason is null ? VerifyResults.Valid : VerifyResults.Invalid;
        var recorded = direction == Directions.Check ? null : direction;

        // Counted in memory, written behind the answer with the others (StatsRecorder).
        stats.Scan(site, now, verdict, reason, recorded, offline: false);
        await scans.RecordAsync(
            new ScanEventEntity
            {
                PartitionKey = RowKeys.ScanPartition(site, now),
                RowKey = $"{RowKeys.NewestFirst(now)}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}",
                Site = site,
                At = now,
                PassId = claims?.IdHex,
                Result = verdict,
                Reason = reason,
                ScannerId = scannerId,
                Direction = recorded,
            },
            ct);
        await anomalies.ObserveAsync(
            new ScanSeen(site, scannerId, now, claims?.IdHex, reason, result?.Outcome ?? PresenceOutcome.Unchanged, result?.Snapshot.Row, claims?.Sites ?? []),
            ct);

        // Claims are shown only when their signature held; a forged code shows nothing.
        return new VerifyResponse(
            verdict, reason, claims?.Label, claims?.Kind, claims?.Expiry, hint, state, reason == VerifyReasons.WrongSite ? claims?.Sites : null);
    }

    private async Task<string?> StatusReasonAsync(string id, CancellationToken ct) =>
        await store.FindStatusAsync(id, ct) switch
        {
            null => VerifyReasons.UnknownPass,
            PassStatuses.Revoked => VerifyReasons.Revoked,
            PassStatuses.Expired => VerifyReasons.Expired,
            _ => null,
        };

    /// <summary>The refusal an entry's outcome makes, where the site refuses rather than warns.</summary>
    private static string? PresenceReason(PresenceOutcome outcome, SiteOptions site) => outcome switch
    {
        PresenceOutcome.SiteFull => VerifyReasons.SiteFull,
        PresenceOutcome.AlreadyInside when site.RefusesPassback => VerifyReasons.AlreadyInside,
        _ => null,
    };
}
