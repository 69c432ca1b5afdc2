using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;

namespace AccessPmc.Backup;

/// <summary>
/// One entity per line in the Table service's own JSON format: each property as its value, and every
/// non-string property with its Edm type beside it (<c>"KeyHash@odata.type":"Edm.Binary"</c>), so binary,
/// DateTimeOffset, Int64, Int32, Guid, Boolean and Double come back as the types they were. Timestamp and
/// ETag are the service's and are not kept.
/// </summary>
public static class EntityJson
{
    private const string TypeSuffix = "@odata.type";

    private static readonly HashSet<string> ServiceProperties = new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag" };

    public static void Write(Utf8JsonWriter json, TableEntity entity)
    {
        json.WriteStartObject();
        json.WriteString("PartitionKey", entity.PartitionKey);
        json.WriteString("RowKey", entity.RowKey);
        foreach (var (name, value) in entity.Where(p => !ServiceProperties.Contains(p.Key) && p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var edm = WriteValue(json, name, value);
            if (edm is not null)
            {
                json.WriteString(name + TypeSuffix, edm);
            }
        }

        json.WriteEndObject();
    }

    /// <exception cref="InvalidDataException">Not an entity line of this format (the message gives the line number).</exception>
    public static TableEntity Read(string line, long number)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var entity = new TableEntity(root.GetProperty("PartitionKey").GetString(), root.GetProperty("RowKey").GetString());
            foreach (var property in root.EnumerateObject().Where(p => !ServiceProperties.Contains(p.Name) && !p.Name.EndsWith(TypeSuffix, StringComparison.Ordinal)))
            {
                var edm = root.TryGetProperty(property.Name + TypeSuffix, out var t) ? t.GetString() : null;
                entity[property.Name] = ReadValue(property.Value, edm);
            }

            return entity;
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or OverflowException)
        {
            throw new InvalidDataException($"line {number}: not a backed-up entity ({e.Message})", e);
        }
    }

    /// <summary>Writes the value; returns its Edm type, or null for a string.</summary>
    private static string? WriteValue(Utf8JsonWriter json, string name, object value)
    {
        switch (value)
        {
            case string s:
                json.WriteString(name, s);
                return null;
            case byte[] bytes:
                json.WriteBase64String(name, bytes);
                return "Edm.Binary";
            case BinaryData data:
                json.WriteBase64String(name, data.ToArray());
                return "Edm.Binary";
            case DateTimeOffset at:
                json.WriteString(name, at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
                return "Edm.DateTime";
            case DateTime at:
                json.WriteString(name, at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
                return "Edm.DateTime";
            case long n:
                json.WriteString(name, n.ToString(CultureInfo.InvariantCulture));
                return "Edm.Int64";
            case int n:
                json.WriteNumber(name, n);
                return "Edm.Int32";
            case double d when double.IsFinite(d):
                json.WriteNumber(name, d);
                return "Edm.Double";
            case double d:
                json.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                return "Edm.Double";
            case bool b:
                json.WriteBoolean(name, b);
                return "Edm.Boolean";
            case Guid g:
                json.WriteString(name, g.ToString("D"));
                return "Edm.Guid";
            default:
                throw new InvalidDataException($"property {name}: no Edm type for {value.GetType().Name}");
        }
    }

    private static object ReadValue(JsonElement value, string? edm) => edm switch
    {
        null when value.ValueKind == JsonValueKind.String => value.GetString()!,
        "Edm.Binary" => value.GetBytesFromBase64(),
        "Edm.DateTime" => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        "Edm.Int64" => long.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        "Edm.Int32" => value.GetInt32(),
        "Edm.Double" when value.ValueKind == JsonValueKind.String => double.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        "Edm.Double" => value.GetDouble(),
        "Edm.Boolean" => value.GetBoolean(),
        "Edm.Guid" => Guid.ParseExact(value.GetString()!, "D"),
        _ => throw new FormatException($"unexpected {value.ValueKind} with type '{edm}'"),
    };
}
