using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.Functions.ApiDescription;

/// <summary>An HTTP function as its attributes declare it (the same attributes the SDK reads to write functions.metadata).</summary>
public sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, MethodInfo Method, ApiDescriptionAttribute? Description)
{
    /// <summary>The feature folder it lives in (its namespace's last part): the operation's tag.</summary>
    public string Feature => Method.DeclaringType!.Namespace!.Split('.')[^1];

    /// <summary>Routes outside <c>api/</c> are web pages.</summary>
    public bool IsPage => !Route.StartsWith("api/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The outcomes its signature declares: the type arguments of <c>Results&lt;…&gt;</c>, or the one result type, unwrapped from Task.</summary>
    public IReadOnlyList<Type> Outcomes
    {
        get
        {
            var type = Method.ReturnType;
            if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
            {
                type = type.GetGenericArguments()[0];
            }

            return type.IsGenericType && type.Namespace == typeof(Ok).Namespace && type.Name.StartsWith("Results`", StringComparison.Ordinal)
                ? type.GetGenericArguments()
                : [type];
        }
    }
}

/// <summary>Finds the HTTP functions of an assembly by reflection over <c>[Function]</c> and <c>[HttpTrigger]</c>.</summary>
public static class HttpFunctions
{
    public static IReadOnlyList<HttpFunction> In(Assembly assembly) => assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
        .Where(f => f.Function is not null && f.Trigger is not null)
        .Select(f => new HttpFunction(
            f.Function!.Name,
            (f.Trigger!.Route ?? f.Function.Name).Trim('/'),
            f.Trigger.Methods?.Select(m => m.ToLowerInvariant()).ToList() ?? [],
            f.Method,
            f.Method.GetCustomAttribute<ApiDescriptionAttribute>()))
        .OrderBy(f => f.Route, StringComparer.Ordinal)
        .ToList();
}
