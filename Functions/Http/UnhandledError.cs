using AccessPmc.Contracts;
using AccessPmc.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AccessPmc.Functions.Http;

/// <summary>
/// What a client gets when an HTTP function throws: when storage is unreachable or overloaded, 503
/// <c>storage_unavailable</c> with <c>Retry-After</c> (<see cref="StorageUnavailable"/>); otherwise 500
/// <c>application/problem+json</c> with code <c>internal_error</c> and a <c>correlationId</c> that names the
/// invocation in the logs. Nothing of the exception either way. One mapping for every host:
/// <see cref="ExceptionMiddleware"/> calls it under the Functions host, SelfHost's invoker under SelfHost (D28).
/// </summary>
public static class UnhandledError
{
    /// <summary>The problem extension member carrying the correlation id.</summary>
    public const string CorrelationIdMember = "correlationId";

    /// <summary>
    /// Logs the failure (function name, correlation id, exception; never the request) and returns the
    /// 500 answer, having cleared whatever status and headers the function had set. Null when the
    /// response has already started: nothing can be said any more, the caller lets the exception go.
    /// </summary>
    /// <param name="correlationId">The invocation id: the host's <c>FunctionContext.InvocationId</c>, or SelfHost's own.</param>
    public static IResult? Answer(HttpContext context, Exception exception, string function, string correlationId, ILogger logger)
    {
        var storageDown = StorageFailures.IsUnavailable(exception);
        if (storageDown)
        {
            logger.LogWarning("Function {Function}: storage unavailable ({Failure}); correlation id {CorrelationId}", function, exception.GetType().Name, correlationId);
        }
        else
        {
            logger.LogError(exception, "Function {Function} failed; correlation id {CorrelationId}", function, correlationId);
        }

        if (context.Response.HasStarted)
        {
            return null;
        }

        context.Response.Clear();
        if (storageDown)
        {
            return StorageUnavailable.Result(context);
        }

        var result = new ApiError(StatusCodes.Status500InternalServerError, ErrorCodes.Internal, "An unexpected error occurred.",
            $"Quote correlation id {correlationId} to the operator.").ToResult();
        result.ProblemDetails.Extensions[CorrelationIdMember] = correlationId;
        return result;
    }
}
