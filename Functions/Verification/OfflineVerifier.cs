using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Verification;

/// <summary>Everything a scanner can check without the service: code, signature, claims, time window, site.</summary>
public sealed class OfflineVerifier(PassCodec codec, IOptions<AccessPmcOptions> options)
{
    public (CodeReading Reading, string? Reason) Check(string? code, string site, DateTimeOffset now)
    {
        var reading = codec.Read(code);
        if (reading.Claims is not { } claims)
        {
            return (reading, reading.Reason);
        }

        var skew = options.Value.ClockSkew;
        var reason = now < claims.NotBefore - skew ? VerifyReasons.NotYetValid
            : now > claims.Expiry + skew ? VerifyReasons.Expired
            : !claims.Sites.Contains(site, StringComparer.OrdinalIgnoreCase) ? VerifyReasons.WrongSite
            : null;
        return (reading, reason);
    }
}
