using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccessPmc.SelfHost.Metadata;

/// <summary>One entry of the SDK-generated functions.metadata, only the members SelfHost reads.</summary>
public sealed record FunctionMetadata(
    string Name,
    string? ScriptFile,
    string EntryPoint,
    IReadOnlyList<BindingMetadata> Bindings)
{
    public static IReadOnlyList<FunctionMetadata> Parse(string json) =>
        JsonSerializer.Deserialize<List<FunctionMetadata>>(json, Options)
        ?? throw new SelfHostStartupException("functions.metadata: the file is empty.");

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

public sealed record BindingMetadata(
    string? Name,
    string Type,
    string? Direction,
    string? AuthLevel,
    IReadOnlyList<string>? Methods,
    string? Route,
    string? Schedule,
    [property: JsonPropertyName("runOnStartup")] bool RunOnStartup = false)
{
    public bool IsTrigger => Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);
}
