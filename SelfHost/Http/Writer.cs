using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace AccessPmc.SelfHost.Http;

/// <summary>Writes what an HTTP function returned, as the host's ASP.NET Core integration does.</summary>
public static class Writer
{
    /// <summary>The type a method's caller ends up with once awaited; null for void, Task and ValueTask.</summary>
    public static Type? ResultType(Type returnType)
    {
        if (returnType == typeof(void) || returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            return null;
        }

        return returnType.IsGenericType && (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? returnType.GetGenericArguments()[0]
            : returnType;
    }

    public static bool CanWrite(Type type) => typeof(IResult).IsAssignableFrom(type) || typeof(IActionResult).IsAssignableFrom(type);

    public static Task WriteAsync(object? result, HttpContext context) => result switch
    {
        IResult r => r.ExecuteAsync(context),
        // Action results find their executors (ObjectResult, FileResult...) in DI: AddMvcCore registers them.
        IActionResult a => a.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())),
        _ => Task.CompletedTask,
    };
}
