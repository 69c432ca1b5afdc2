using Microsoft.AspNetCore.Routing.Patterns;

namespace AccessPmc.SelfHost.Metadata;

/// <summary>
/// Two HTTP functions overlap when their methods intersect and their templates have the same number of
/// segments, each pair being equal literals (case-insensitive) or both parameters (constraints ignored:
/// an int and a guid parameter still overlap, which keeps the rule simple and strict). A catch-all
/// (<c>files/{*path}</c>) matches any number of segments, none included, after its fixed ones: it overlaps
/// every template whose leading segments have the same shape as its fixed ones and that is at least as
/// long, and another catch-all whose fixed segments agree with its own as far as both go. The host would
/// pick one of an overlapping pair by its own rules; SelfHost would pick the first, so such a pair is refused.
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

    private static bool SameShape(RoutePattern a, RoutePattern b)
    {
        var (fixedA, fixedB) = (Fixed(a), Fixed(b));
        var compared = Math.Min(fixedA, fixedB);
        var lengthsAgree = (IsCatchAll(a), IsCatchAll(b)) switch
        {
            (false, false) => fixedA == fixedB,
            (true, false) => fixedB >= fixedA,
            (false, true) => fixedA >= fixedB,
            _ => true,
        };
        return lengthsAgree && a.PathSegments.Take(compared).Zip(b.PathSegments.Take(compared))
            .All(pair => Key(pair.First).Equals(Key(pair.Second), StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsCatchAll(RoutePattern pattern) => pattern.Parameters.Any(p => p.IsCatchAll);

    // The segments before the catch-all (ASP.NET Core allows it only as the last segment), or all of them.
    private static int Fixed(RoutePattern pattern) => pattern.PathSegments.Count - (IsCatchAll(pattern) ? 1 : 0);

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
