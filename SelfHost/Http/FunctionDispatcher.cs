using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Storage;
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
        catch (Exception e) when (StorageFailures.IsUnavailable(e) && !context.Response.HasStarted)
        {
            logger.LogWarning("Function {Function}: storage unavailable ({Reason})", function.Name, e.GetType().Name);
            context.Response.Clear();
            await StorageUnavailable.WriteAsync(context);
        }
        catch (Exception e)
        {
            // Name and type only: the request body and any pass code stay out of the logs.
            logger.LogError(e, "Function {Function} failed on {Method} request", function.Name, context.Request.Method);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await new ApiError(StatusCodes.Status500InternalServerError, ErrorCodes.Internal, "An unexpected error occurred.").ToResult().ExecuteAsync(context);
            }
        }
    }
}
