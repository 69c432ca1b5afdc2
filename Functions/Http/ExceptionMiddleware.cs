using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace AccessPmc.Functions.Http;

/// <summary>
/// Worker middleware, after the ASP.NET Core integration's own: an exception escaping an HTTP function
/// becomes the <see cref="UnhandledError"/> answer, which that integration then writes like any
/// <c>IResult</c>; without it the host answers an empty 500. Modelled on the worker samples'
/// ExceptionHandlingMiddleware, except that other triggers' exceptions (timers) still reach the host,
/// which records the invocation as failed. The host records a mapped HTTP invocation as succeeded:
/// the error log line with the correlation id is what shows the failure.
/// </summary>
internal sealed class ExceptionMiddleware(ILogger<ExceptionMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { } http && !http.RequestAborted.IsCancellationRequested)
        {
            var answer = UnhandledError.Answer(http, e, context.FunctionDefinition.Name, context.InvocationId, logger);
            if (answer is null)
            {
                throw;
            }

            context.GetInvocationResult().Value = answer;
        }
    }
}
