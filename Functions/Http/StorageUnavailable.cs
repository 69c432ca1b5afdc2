using System.Globalization;
using AccessPmc.Contracts;
using AccessPmc.Functions.Storage;
using Microsoft.AspNetCore.Http;

namespace AccessPmc.Functions.Http;

/// <summary>
/// The answer when storage is unreachable or overloaded (<see cref="StorageFailures.IsUnavailable"/>):
/// 503 problem+json <c>storage_unavailable</c> with <c>Retry-After</c>, never a 500, so clients retry
/// and scanners fall back to offline verification.
/// </summary>
public static class StorageUnavailable
{
    public static ApiError Problem { get; } = new(
        StatusCodes.Status503ServiceUnavailable, ErrorCodes.StorageUnavailable, "Storage is unavailable.",
        "Nothing was changed by this request. Retry in a few seconds; scanners verify offline meanwhile.");

    /// <summary>The 503 answer, with <c>Retry-After</c> set on the response.</summary>
    public static IResult Result(HttpContext context)
    {
        context.Response.Headers.RetryAfter = ((int)StorageFailures.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return Problem.ToResult();
    }
}
