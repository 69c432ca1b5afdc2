using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using AccessPmc.Functions.Configuration;

namespace AccessPmc.Tests.Configuration;

/// <summary>
/// local.settings.sample.json lists every setting the app reads, and nothing else: every property of
/// every options class bound from configuration (found through their <c>Section</c> constant, so a new
/// options class is checked too), the settings read by name, the timer schedules functions.metadata
/// names, and the configuration keys written literally in Functions/. The production example
/// (deploy/accesspmc.env) uses only known names. Each name must be a valid environment variable.
/// </summary>
public sealed partial class SampleSettingsTests
{
    /// <summary>Read by the Functions host, not by the app.</summary>
    private static readonly string[] HostOnly = ["FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsDisableHomepage"];

    [Fact]
    public void SampleListsEverySettingTheCodeReads()
    {
        var sample = SampleKeys().Select(Normalise).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = Known().Where(k => !sample.Contains(k)).ToList();

        Assert.True(missing.Count == 0, $"Add to local.settings.sample.json (Values): {string.Join(", ", missing)}");
    }

    [Fact]
    public void SampleHasNoSettingTheCodeDoesNotRead()
    {
        var known = Known().Concat(HostOnly).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var unknown = SampleKeys().Where(k => !known.Contains(Normalise(k))).ToList();

        Assert.True(unknown.Count == 0, $"local.settings.sample.json sets settings nothing reads (typo, or a removed option): {string.Join(", ", unknown)}");
    }

    [Fact]
    public void ProductionEnvironmentFileUsesOnlyKnownSettingNames()
    {
        var known = Known().Concat(HostOnly).Append("ASPNETCORE_URLS").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "deploy", "accesspmc.env"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        var names = lines.Select(l => l.Split('=', 2)[0]).ToList();

        Assert.All(lines, l => Assert.Contains('=', l));
        Assert.All(names, n => Assert.True(known.Contains(Normalise(n)), $"deploy/accesspmc.env: {n} is not a setting the app reads."));
        Assert.All(names, n => Assert.Matches(EnvironmentName(), n));
        Assert.DoesNotContain("AZURE_FUNCTIONS_ENVIRONMENT=Development", lines);
    }

    /// <summary>Unknown names are refused at start: every setting either example lists must be one the app knows.</summary>
    [Fact]
    public void TheAppAcceptsEverySettingBothExamplesList()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "local.settings.sample.json")));
        var sample = doc.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value.GetString());
        var production = File.ReadAllLines(Path.Combine(RepoPaths.Root, "deploy", "accesspmc.env"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0].Replace("__", ":", StringComparison.Ordinal), p => (string?)p[1]);
        production["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";

        Assert.Null(SettingsRead.RefusalOf(sample));
        Assert.Null(SettingsRead.RefusalOf(production));
    }

    [Fact]
    public void EverySettingNameIsAValidEnvironmentVariable()
    {
        Assert.All(Known().Concat(SampleKeys()), n => Assert.Matches(EnvironmentName(), n));
    }

    /// <summary>Every setting the code reads, lists at index 0 (<c>AccessPmc__Sites__0__Code</c>).</summary>
    private static IEnumerable<string> Known() =>
        SettingNames.OptionsTypes().SelectMany(t => Leaves(t, SettingNames.Sections[t.Name]))
            .Concat(SettingNames.ReadDirectly)
            .Concat(Schedules())
            .Concat(LiteralKeys())
            .Distinct(StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string> Leaves(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            var name = $"{prefix}__{property.Name}";
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            Assert.False(typeof(IDictionary).IsAssignableFrom(t), $"{name}: a dictionary's keys cannot be listed; bind a class with one property per key.");
            var item = t != typeof(string) && t.IsGenericType && typeof(IEnumerable).IsAssignableFrom(t) ? t.GetGenericArguments()[0] : null;
            IEnumerable<string> leaves = (item ?? t) is var bound && IsLeaf(bound) ? [item is null ? name : name + "__0"] : Leaves(bound, item is null ? name : name + "__0");
            foreach (var leaf in leaves)
            {
                yield return leaf;
            }
        }
    }

    private static bool IsLeaf(Type t) =>
        t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan) || t == typeof(DateTimeOffset) || t == typeof(Uri);

    /// <summary>The <c>%Setting%</c> names of timer schedules, from the file both hosts read.</summary>
    private static IEnumerable<string> Schedules()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        return doc.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.TryGetProperty("schedule", out _))
            .Select(b => b.GetProperty("schedule").GetString()!)
            .Where(s => s.StartsWith('%') && s.EndsWith('%'))
            .Select(s => s.Trim('%'))
            .ToList();
    }

    /// <summary>Keys written as literals in Functions/ (configuration["X"]), so a setting read by name without SettingNames is not missed.</summary>
    private static IEnumerable<string> LiteralKeys() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "Functions"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)))
            .Select(m => SettingNames.FromConfigurationPath(m.Groups["key"].Value))
            .ToList();

    private static IEnumerable<string> SampleKeys()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "local.settings.sample.json")));
        return doc.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name).ToList();
    }

    /// <summary>List indices as 0: the sample may list three sites, the code reads the shape.</summary>
    private static string Normalise(string key) => ListIndex().Replace(key, "__0");

    [GeneratedRegex(@"__\d+(?=__|$)")]
    private static partial Regex ListIndex();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentName();

    [GeneratedRegex(@"[Cc]onfiguration\s*\[\s*""(?<key>[^""]+)""\s*\]")]
    private static partial Regex LiteralKey();
}
