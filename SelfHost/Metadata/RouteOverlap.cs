using Microsoft.AspNetCore.Routing.Patterns;

namespace AccessPmc.SelfHost.Metadata;

/// <summary>
/// Two HTTP functions overlap when their methods intersect and their templates have the same number of
/// segments, each pair being equal literals (case-insensitive) or both parameters (constraints ignored:
/// an int and a guid parameter still overlap, which keeps the rule simple and strict). The host would
/// pick one by its own precedence rules; SelfHost would pick the first, so such a pair is refused.
/// </summary>
public static class RouteOverlap
{
    public static void Check(IReadOnlyList<HttpFunction> functions)
    {
        for (var i = 0; i < functions.Count; i++)
        {
            for (var j = i + 1; j < functions.Count; j++)
            {
                if (MethodsIntersect(functions[i], functions[j]) && SameShape(functions[i].Route.Pattern, functions[j].Route.Pattern))
                {
                    throw FunctionPlanner.Refuse(functions[j].Name,
                        $"route '{functions[j].Route.Template}' overlaps route '{functions[i].Route.Template}' of function '{functions[i].Name}' for the same methods.");
                }
            }
        }
    }

    private static bool MethodsIntersect(HttpFunction a, HttpFunction b) =>
        a.Methods is null || b.Methods is null || a.Methods.Intersect(b.Methods, StringComparer.OrdinalIgnoreCase).Any();

    private static bool SameShape(RoutePattern a, RoutePattern b) =>
        a.PathSegments.Count == b.PathSegments.Count
        && a.PathSegments.Zip(b.PathSegments).All(pair => Key(pair.First).Equals(Key(pair.Second), StringComparison.OrdinalIgnoreCase));

    // Simple parameters compare equal to each other; literals and complex segments ("file-{id}") by their text.
    private static string Key(RoutePatternPathSegment segment) => segment.IsSimple && segment.Parts[0] is RoutePatternParameterPart
        ? "{}"
        : string.Concat(segment.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "?",
        }));
}
