using System.Reflection;
using System.Text.RegularExpressions;
using AccessPmc.PassFormat;

namespace AccessPmc.Functions.Configuration;

/// <summary>
/// Settings as an operator types them: environment variables with <c>__</c> for nesting. Translates the
/// names .NET uses (<c>AccessPmcOptions.Sites[0].Code</c>, <c>AccessPmc:Sites:0:Code</c>) into
/// <c>AccessPmc__Sites__0__Code</c>.
/// </summary>
public static partial class SettingNames
{
    /// <summary>Development generates a signing key when none is configured; anything else is production.</summary>
    public const string Environment = "AZURE_FUNCTIONS_ENVIRONMENT";

    /// <summary>Settings read by name rather than bound to an options class (timer schedules come from functions.metadata).</summary>
    public static IReadOnlyList<string> ReadDirectly { get; } = [Storage.StorageOptions.HostSetting, Environment, ScheduleTimeZone.Setting];

    /// <summary>Options type name → its configuration section, for every type with a <c>Section</c> constant.</summary>
    public static IReadOnlyDictionary<string, string> Sections { get; } = OptionsTypes()
        .ToDictionary(t => t.Name, t => (string)t.GetField("Section")!.GetRawConstantValue()!);

    /// <summary>The options classes bound from configuration: public, with a <c>public const string Section</c>.</summary>
    public static IEnumerable<Type> OptionsTypes() =>
        new[] { typeof(AccessPmcOptions).Assembly, typeof(SigningOptions).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } f && f.FieldType == typeof(string));

    /// <summary><c>AccessPmc:Sites:0:Code</c> → <c>AccessPmc__Sites__0__Code</c>.</summary>
    public static string FromConfigurationPath(string path) => path.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>Every <c>AccessPmcOptions.Sites[0].Code</c> in a validation message, as <c>AccessPmc__Sites__0__Code</c>.</summary>
    public static string Translate(string message) => MemberPath().Replace(message, m =>
        Sections.TryGetValue(m.Groups["type"].Value, out var section)
            ? section + IndexOrMember().Replace(m.Groups["path"].Value, p => "__" + (p.Groups["index"].Success ? p.Groups["index"].Value : p.Groups["member"].Value))
            : m.Value);

    /// <summary>The first setting name in a translated message, so the line can start with it.</summary>
    public static string? FirstIn(string translated) =>
        Sections.Values.Select(s => Regex.Match(translated, $@"\b{s}__[A-Za-z0-9_]+")).Where(m => m.Success).OrderBy(m => m.Index).FirstOrDefault()?.Value;

    /// <summary>The setting a line starts with (<c>AccessPmc__Sites__0__Code: …</c>, <c>AzureWebJobsStorage: …</c>), or null.</summary>
    public static string? Leading(string line) =>
        LeadingName().Match(line) is { Success: true } m
        && (ReadDirectly.Contains(m.Groups["name"].Value) || Sections.Values.Any(s => m.Groups["name"].Value.StartsWith(s + "__", StringComparison.Ordinal)))
            ? m.Groups["name"].Value
            : null;

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_-]*): ")]
    private static partial Regex LeadingName();

    [GeneratedRegex(@"\b(?<type>[A-Z][A-Za-z0-9]*Options)(?<path>(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])+)")]
    private static partial Regex MemberPath();

    [GeneratedRegex(@"\.(?<member>[A-Za-z_][A-Za-z0-9_]*)|\[(?<index>\d+)\]")]
    private static partial Regex IndexOrMember();
}
