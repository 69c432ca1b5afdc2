using System.Text;
using AccessPmc.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace AccessPmc.Functions.Http;

/// <summary>
/// The Content-Type of a request body (RFC 9110 §8.3), read the same way for every endpoint: media type,
/// and charset with its quotes (of either kind) removed and common spellings (UTF8, utf8) accepted.
/// </summary>
public static class ContentTypes
{
    static ContentTypes() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The media type (e.g. <c>text/csv</c>), lower case, or null when the header is missing or unparsable.</summary>
    public static string? MediaType(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;

    /// <summary><c>application/json</c> or any <c>+json</c> type (RFC 6839).</summary>
    public static bool IsJson(string? mediaType) =>
        mediaType is "application/json" || mediaType?.EndsWith("+json", StringComparison.Ordinal) == true;

    /// <summary>
    /// The declared charset as a strict decoder (invalid bytes throw, never become U+FFFD), null when none is
    /// declared, or a 415 problem naming the charset when it is unknown.
    /// </summary>
    public static Outcome<Encoding?> Charset(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) || parsed.Charset.Value is not { } raw)
        {
            return new Outcome<Encoding?>(null, null);
        }

        var name = HeaderUtilities.RemoveQuotes(raw).Value!.Trim('\'', ' ');
        if (name.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            name = "utf-8";
        }

        try
        {
            return Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // NotSupportedException: charsets .NET knows but refuses to decode (UTF-7, disabled for security).
            return Unsupported($"Unknown or unsupported charset '{Shorten(name)}'.");
        }
    }

    /// <summary>415 problem+json with the stable code <c>unsupported_media_type</c>.</summary>
    public static ApiError Unsupported(string detail) =>
        new(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, "Unsupported body type or charset.", detail);

    private static string Shorten(string text) => Text.FreeText.Quoted(text, 40);
}
