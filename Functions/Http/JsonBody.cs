using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AccessPmc.Contracts;
using Microsoft.AspNetCore.Http;

namespace AccessPmc.Functions.Http;

/// <summary>
/// Reads a JSON body with a hard size cap: oversized is 413, another media type or a charset other than
/// UTF-8 (JSON is UTF-8, RFC 8259 §8.1) is 415, broken JSON is 400, never a 500.
/// </summary>
public static class JsonBody
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
            return ApiError.Invalid(ErrorCodes.InvalidJson, e.Path ?? "$", "The body is not valid JSON for this request: " + FirstLine(e.Message));
        }
        catch (BodyTooLargeException)
        {
            return TooLarge(maxBytes);
        }
    }

    public static ApiError TooLarge(int maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.BodyTooLarge, "The body is too large.", $"At most {maxBytes} bytes.");

    private static string FirstLine(string message) => message.Split('\n')[0].Split(" Path:")[0];
}
