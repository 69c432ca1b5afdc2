using AccessPmc.Contracts;

namespace AccessPmc.PassFormat;

/// <summary>
/// Everything a scanner can check without the service (docs/pass-format.md, steps 1–10): the code,
/// signature and claims (<see cref="PassCodec.Read"/>), then the time window with
/// <paramref name="clockSkew"/> on each side, then the site. The revocation list and the pass status
/// are the caller's (offline list or online storage).
/// </summary>
public sealed class OfflineVerifier(PassCodec codec, TimeSpan clockSkew)
{
    /// <summary>The reading, and the reason for refusal or null when the code is valid here and now.</summary>
    public (CodeReading Reading, string? Reason) Check(string? code, string site, DateTimeOffset now)
    {
        var reading = codec.Read(code);
        if (reading.Claims is not { } claims)
        {
            return (reading, reading.Reason);
        }

        var reason = now < claims.NotBefore - clockSkew ? VerifyReasons.NotYetValid
            : now > claims.Expiry + clockSkew ? VerifyReasons.Expired
            : !claims.Sites.Contains(site, StringComparer.OrdinalIgnoreCase) ? VerifyReasons.WrongSite
            : null;
        return (reading, reason);
    }
}
