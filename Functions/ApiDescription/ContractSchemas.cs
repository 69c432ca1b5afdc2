using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using AccessPmc.Contracts;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace AccessPmc.Functions.ApiDescription;

/// <summary>
/// The JSON schemas of the Contracts records, exported by System.Text.Json (<see cref="JsonSchemaExporter"/>) from the
/// same <see cref="AccessPmcJson"/> context that reads and writes them on the wire, so names, casing, nullability and
/// refused extra members are what the service does. Each record becomes one component, referenced by name.
/// </summary>
public sealed class ContractSchemas(OpenApiDocument document)
{
    private static readonly JsonSchemaExporterOptions Exporter = new()
    {
        TreatNullObliviousAsNonNullable = true,

        // A custom converter hides its type from the exporter, which then allows anything: say what
        // OffsetTimeConverter reads and writes (RFC 3339 date-time, offset required).
        TransformSchemaNode = (context, node) =>
            (Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type) == typeof(DateTimeOffset)
                ? new JsonObject
                {
                    ["type"] = context.TypeInfo.Type == typeof(DateTimeOffset) ? "string" : new JsonArray("string", "null"),
                    ["format"] = "date-time",
                }
                : node,
    };

    /// <summary>A reference to <c>#/components/schemas/{type name}</c>, the component added on first use.</summary>
    public IOpenApiSchema Ref(Type type)
    {
        var schemas = document.Components!.Schemas!;
        if (!schemas.ContainsKey(type.Name))
        {
            var json = AccessPmcJson.Default.Options.GetJsonSchemaAsNode(type, Exporter).ToJsonString();
            schemas[type.Name] = OpenApiModelFactory.Parse<OpenApiSchema>(json, OpenApiSpecVersion.OpenApi3_1, document, out var diagnostic, "json")
                ?? throw new InvalidOperationException($"The schema of {type.Name} does not read back: {string.Join("; ", diagnostic.Errors.Select(e => e.Message))}");
        }

        return new OpenApiSchemaReference(type.Name, document);
    }
}
