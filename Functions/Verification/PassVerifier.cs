using System.Security.Cryptography;
using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Storage;
using AccessPmc.PassFormat;

namespace AccessPmc.Functions.Verification;

/// <summary>The gate check: the code's own checks (offline), then the pass status (online), then a scan event.</summary>
public sealed class PassVerifier(OfflineVerifier offline, PassCodec codec, PassStore store, ScanLog scans, TimeProvider time)
{
    /// <summary>
    /// The verdict for <paramref name="received"/> as the scanner sent it: repaired where unambiguous
    /// (<see cref="CodeInput.Normalize"/>), else refused with a hint when its damage is recognised.
    /// </summary>
    public async Task<VerifyResponse> VerifyAsync(string? received, string site, string scannerId, CancellationToken ct)
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

        if (reason is null && reading.Claims is { } claims)
        {
            reason = await store.FindStatusAsync(claims.IdHex, ct) switch
            {
                null => VerifyReasons.UnknownPass,
                PassStatuses.Revoked => VerifyReasons.Revoked,
                PassStatuses.Expired => VerifyReasons.Expired,
                _ => null,
            };
        }

        await scans.RecordAsync(
            new ScanEventEntity
            {
                PartitionKey = RowKeys.ScanPartition(site, now),
                RowKey = $"{RowKeys.NewestFirst(now)}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}",
                Site = site,
                At = now,
                PassId = reading.Claims?.IdHex,
                Result = reason is null ? VerifyResults.Valid : VerifyResults.Invalid,
                Reason = reason,
                ScannerId = scannerId,
            },
            ct);

        // Claims are shown only when their signature held; a forged code shows nothing.
        var c = reading.Claims;
        return new VerifyResponse(reason is null ? VerifyResults.Valid : VerifyResults.Invalid, reason, c?.Label, c?.Kind, c?.Expiry, hint);
    }
}
