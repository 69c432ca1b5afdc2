using System.Globalization;
using AccessPmc.Contracts;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccessPmc.Functions.Http;

/// <summary>
/// What every API function calls first: authentication, role check, the per-client rate limit, and one rule
/// on the query string no endpoint should have to repeat: a parameter given twice is refused (which of two
/// values would win is not the caller's to guess; no endpoint takes a list this way).
/// Plain code rather than worker middleware, so a function called directly in a unit test is admitted
/// exactly as it is under a host, and the contract test can check that no function skips it.
/// </summary>
public sealed class RequestGate(Authenticator authenticator, RateLimits limits, ClientAddress clients)
{
    public async Task<Admission> AdmitAsync(HttpRequest request, Role allowed, CancellationToken ct)
    {
        var address = clients.Of(request.HttpContext);
        if (limits.FailureBudgetExhausted(address) is { } cooldown)
        {
            return TooMany(request, cooldown);
        }

        var caller = await authenticator.AuthenticateAsync(request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null, ct);
        if (caller is null)
        {
            limits.RecordFailure(address);
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Deny(new ApiError(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, "A valid API key is required.", "Send Authorization: Bearer <key>."));
        }

        if ((caller.Role & allowed) == 0)
        {
            return Deny(ApiError.Forbidden(ErrorCodes.Forbidden, $"The {ApiCaller.RoleName(caller.Role)} role may not call this endpoint."));
        }

        if (limits.TryAcquire(caller.Id) is { } wait)
        {
            return TooMany(request, wait);
        }

        return request.Query.FirstOrDefault(p => p.Value.Count > 1).Key is { } repeated
            ? Deny(ApiError.Invalid(ErrorCodes.ValidationFailed, repeated, $"Give '{repeated}' once."))
            : new Admission(caller, null);
    }

    private static Admission TooMany(HttpRequest request, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Deny(new ApiError(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "Too many requests.", $"Retry after {seconds} s."));
    }

    private static Admission Deny(ApiError error) => new(null, error);
}

/// <summary>The admitted caller, or the refusal (401, 403 or 429) to return as is.</summary>
public readonly record struct Admission(ApiCaller? Caller, ApiError? Refusal)
{
    public ApiCaller Admitted => Caller ?? throw new InvalidOperationException("Check Denied first.");

    /// <summary>The refusal as the function's answer, or null when admitted.</summary>
    public ProblemHttpResult? Denied => Refusal?.ToResult();
}
