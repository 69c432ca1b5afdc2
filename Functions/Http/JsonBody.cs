using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization.Metadata;
using AccessPmc.Contracts;
using Microsoft.AspNetCore.Http;

namespace AccessPmc.Functions.Http;

/// <summary>
/// Reads a JSON body with a hard size cap: oversized is 413, another media type or a charset other than
/// UTF-8 (JSON is UTF-8, RFC 8259 §8.1) is 415, broken JSON is 400, never a 500.
/// </summary>
public static partial class JsonBody
{
    public static async Task<Outcome<T>> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, int maxBytes, CancellationToken ct)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        if (!ContentTypes.IsJson(ContentTypes.MediaType(request)))
        {
            return ContentTypes.Unsupported("Send application/json.");
        }

        var charset = ContentTypes.Charset(request);
        if (charset.Error is not null)
        {
            return charset.Error;
        }

        if (charset.Value is { CodePage: not 65001 } other)
        {
            return ContentTypes.Unsupported($"JSON is UTF-8; this body says charset={other.WebName}.");
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(new LimitedStream(request.Body, maxBytes), type, ct);
            return value is null ? ApiError.Invalid(ErrorCodes.InvalidJson, "$", "The body must be a JSON object.") : value;
        }
        catch (JsonException e)
        {
            return ApiError.Invalid(ErrorCodes.InvalidJson, e.Path ?? "$", Explain(e));
        }
        catch (BodyTooLargeException)
        {
            return TooLarge(maxBytes);
        }
    }

    public static ApiError TooLarge(int maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.BodyTooLarge, "The body is too large.", $"At most {maxBytes} bytes.");

    // The serializer's messages name .NET types and reader options; callers get the same facts in the API's words.
    private static string Explain(JsonException e)
    {
        var path = e.Path ?? "$";
        var message = e.Message.Split('\n')[0].Split(" Path:")[0];
        var member = Quoted().Match(message) is { Success: true } m ? m.Groups[1].Value : path;
        return message switch
        {
            _ when message.StartsWith(OffsetTimeConverter.Refusal, StringComparison.Ordinal) => $"{path}: {message}",
            _ when message.StartsWith("Duplicate property", StringComparison.Ordinal) => $"'{member}' is given twice (names are compared ignoring case).",
            _ when message.Contains("could not be mapped", StringComparison.Ordinal) => $"Unknown member '{member}': see GET /api/openapi.json for this request's members.",
            _ when message.Contains("could not be converted", StringComparison.Ordinal) && path == "$" => "The body must be a JSON object.",
            _ when message.Contains("could not be converted", StringComparison.Ordinal) =>
                $"{path} has the wrong type or form{Why(e.InnerException)}: names and codes are strings, lists are arrays, times are ISO 8601 with their offset (e.g. 2026-03-16T08:00:00+01:00).",
            _ => "The body is not valid JSON: " + DotNetNames().Replace(message.Replace(" Change the reader options.", "", StringComparison.Ordinal), "this request"),
        };
    }

    // The reader's own reason (a number where a string goes, a malformed time, a lone surrogate), without .NET names.
    private static string Why(Exception? inner) =>
        inner is InvalidOperationException or FormatException ? $" ({DotNetNames().Replace(inner.Message.TrimEnd('.'), "this request")})" : "";

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"'?\b(?:AccessPmc|System)\.[\w.`\[\]]+'?")]
    private static partial Regex DotNetNames();
}
