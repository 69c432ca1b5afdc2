using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccessPmc.Contracts;

/// <summary>
/// Times on the wire are ISO 8601 (RFC 3339 §5.6) with a date, a time and an explicit offset: <c>Z</c> or
/// <c>±hh:mm</c>, e.g. <c>2026-03-16T08:00:00+01:00</c>. The default reader also takes a date alone or a time
/// without offset and reads it in the server's zone (or UTC): the same request would mean a different instant
/// on another machine, a silently wrong value. Written as the default writer does (round-trip form).
/// </summary>
public sealed class OffsetTimeConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>The start of the error message a refused time carries, for the body reader's explanation.</summary>
    public const string Refusal = "A time with its date and offset is needed";

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException($"{Refusal}, as a string.");
        return TryParse(text, out var value)
            ? value
            : throw new JsonException($"{Refusal}, e.g. 2026-03-16T08:00:00+01:00 or 2026-03-16T07:00:00Z (a date alone, or a time without offset, would depend on the server's zone).");
    }

    /// <summary>The one reading of a time with its date and offset, for bodies and query strings alike.</summary>
    public static bool TryParse(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text.EndsWith('Z') ? text[..^1] + "+00:00" : text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
