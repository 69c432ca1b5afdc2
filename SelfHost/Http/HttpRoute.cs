using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Options;

namespace AccessPmc.SelfHost.Http;

/// <summary>
/// One route template (route prefix included) with its inline constraints, matched the way ASP.NET
/// Core routing matches it under the Functions host: literals case-insensitively, constraints applied.
/// </summary>
public sealed class HttpRoute
{
    // Constraints such as int, guid, alpha or regex(...) need no services; an empty provider is enough.
    private static readonly IInlineConstraintResolver Resolver =
        new DefaultInlineConstraintResolver(Options.Create(new RouteOptions()), new ServiceCollection().BuildServiceProvider());

    private readonly TemplateMatcher matcher;
    private readonly IReadOnlyList<(string Name, IRouteConstraint Constraint)> constraints;

    private HttpRoute(string template, RoutePattern pattern)
    {
        Template = template;
        Pattern = pattern;
        var defaults = new RouteValueDictionary(pattern.Defaults);
        matcher = new TemplateMatcher(new RouteTemplate(pattern), defaults);
        constraints = pattern.Parameters
            .SelectMany(p => p.ParameterPolicies.Select(policy => (p.Name, Constraint: Resolve(policy))))
            .ToList();
    }

    public string Template { get; }

    public RoutePattern Pattern { get; }

    public IReadOnlyList<string> ParameterNames => Pattern.Parameters.Select(p => p.Name).ToList();

    /// <summary>Parses the template; throws on a malformed template or an unknown constraint.</summary>
    public static HttpRoute Compile(string template) => new(template, RoutePatternFactory.Parse(template));

    public bool TryMatch(HttpContext context, RouteValueDictionary values)
    {
        if (!matcher.TryMatch(context.Request.Path, values))
        {
            return false;
        }

        // An optional parameter left out has no value to constrain.
        return constraints.All(c => !values.TryGetValue(c.Name, out var v) || v is null
            || c.Constraint.Match(context, null, c.Name, values, RouteDirection.IncomingRequest));
    }

    private static IRouteConstraint Resolve(RoutePatternParameterPolicyReference policy) =>
        policy.ParameterPolicy as IRouteConstraint
        ?? Resolver.ResolveConstraint(policy.Content ?? "")
        ?? throw new InvalidOperationException($"unknown route constraint '{policy.Content}'.");
}
