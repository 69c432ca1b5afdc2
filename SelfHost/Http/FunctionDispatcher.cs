using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.SelfHost.Metadata;

namespace AccessPmc.SelfHost.Http;

/// <summary>
/// The one terminal middleware: the first HTTP function, in metadata order, whose methods and route
/// match serves the request; otherwise 404 (a wrong method is a 404 too, as under the host).
/// </summary>
public sealed class FunctionDispatcher(FunctionPlan plan, ILogger<FunctionDispatcher> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var values = new RouteValueDictionary();
        foreach (var function in plan.Http)
        {
            if (function.Accepts(context.Request.Method) && function.Route.TryMatch(context, values))
            {
                await RunAsync(function, context, values);
                return;
            }

            // A template can bind some values before it fails: the next one starts clean.
            values.Clear();
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private async Task RunAsync(HttpFunction function, HttpContext context, RouteValueDictionary values)
    {
        context.Request.RouteValues = values;
        var args = ArgumentBinder.ForHttp(function.Target, context, values, out var unparsed);
        if (args is null)
        {
            await ApiError.Invalid(ErrorCodes.ValidationFailed, unparsed!, $"'{unparsed}' is not a valid value.").ToResult().ExecuteAsync(context);
            return;
        }

        try
        {
            var result = await Invocation.RunAsync(function.Target, context.RequestServices, args);
            await Writer.WriteAsync(result, context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (Exception e)
        {
            // The answer the worker's ExceptionMiddleware gives under the Functions host; the invocation id is SelfHost's own.
            var answer = UnhandledError.Answer(context, e, function.Name, Guid.NewGuid().ToString(), logger);
            if (answer is null)
            {
                throw;
            }

            await answer.ExecuteAsync(context);
        }
    }
}
