using System.Text.RegularExpressions;
using AccessPmc.SelfHost.Metadata;
using AccessPmc.SelfHost.Settings;

namespace AccessPmc.EndToEnd.Tests.Infrastructure;

/// <summary>One HTTP function as functions.metadata declares it, with its full path template (route prefix included).</summary>
public sealed partial record DeclaredHttpFunction(string Name, string Template, IReadOnlyList<string> Methods)
{
    /// <summary>Routes outside <c>api/</c> are public web pages (the scanner, the console), never gated.</summary>
    public bool IsPage => !Template.StartsWith("api/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The path with every route parameter (<c>{id}</c>, <c>{*path}</c>...) replaced by <paramref name="value"/>.</summary>
    public string Path(string value) => Parameter().Replace(Template, value.Replace("$", "$$", StringComparison.Ordinal));

    /// <summary>All methods it answers; none declared means any, of which GET stands for all.</summary>
    public IReadOnlyList<string> MethodsOrGet => Methods.Count > 0 ? Methods : ["GET"];

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}

/// <summary>The HTTP functions of the Functions build output's functions.metadata: the file the Functions host reads, and SelfHost too.</summary>
public static class DeclaredFunctions
{
    /// <summary>API routes open to anyone: the health probe and the API description.</summary>
    public static readonly IReadOnlySet<string> PublicApiRoutes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "api/health", "api/openapi.json" };

    public static IReadOnlyList<DeclaredHttpFunction> Http { get; } = Load();

    private static List<DeclaredHttpFunction> Load()
    {
        var directory = FunctionsHostUnderTest.AppDirectory;
        var prefix = HostJson.RoutePrefix(System.IO.Path.Combine(directory, "host.json")).Trim('/');
        return FunctionMetadata.Parse(File.ReadAllText(System.IO.Path.Combine(directory, "functions.metadata")))
            .Select(f => (f.Name, Trigger: f.Bindings.Single(b => b.IsTrigger)))
            .Where(f => f.Trigger.Type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase))
            .Select(f => new DeclaredHttpFunction(
                f.Name,
                string.Join('/', new[] { prefix, (f.Trigger.Route ?? f.Name).Trim('/') }.Where(s => s.Length > 0)),
                f.Trigger.Methods?.Select(m => m.ToUpperInvariant()).ToList() ?? []))
            .ToList();
    }
}
