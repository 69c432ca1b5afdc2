using System.Text;
using AccessPmc.Contracts;
using Microsoft.AspNetCore.Http;

namespace AccessPmc.Functions.Http;

/// <summary>
/// A text body (CSV) under the same size cap as JSON bodies, decoded as it says: a byte-order mark first
/// (UTF-8, UTF-16), else the declared charset (e.g. windows-1252, French Excel's default), else UTF-8.
/// Bytes that are not valid in that encoding are refused (400 <c>invalid_encoding</c>), never turned into U+FFFD.
/// </summary>
public static class PlainBody
{
    public static async Task<Outcome<string>> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return JsonBody.TooLarge(maxBytes);
        }

        var charset = ContentTypes.Charset(request);
        if (charset.Error is not null)
        {
            return charset.Error;
        }

        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            await new LimitedStream(request.Body, maxBytes).CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        catch (BodyTooLargeException)
        {
            return JsonBody.TooLarge(maxBytes);
        }

        return Decode(bytes, charset.Value);
    }

    private static Outcome<string> Decode(byte[] bytes, Encoding? declared)
    {
        var (encoding, skip) = Bom(bytes) ?? (declared ?? new UTF8Encoding(false, throwOnInvalidBytes: true), 0);
        try
        {
            return encoding.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException)
        {
            var hint = declared is null
                ? "It is not UTF-8: save it as \"CSV UTF-8\", or say its charset, e.g. Content-Type: text/csv; charset=windows-1252."
                : $"It is not valid {encoding.WebName}.";
            return ApiError.Invalid(ErrorCodes.InvalidEncoding, "body", "The text cannot be read. " + hint);
        }
    }

    private static (Encoding Encoding, int Skip)? Bom(byte[] bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false, throwOnInvalidBytes: true), 3),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2),
        _ => null,
    };
}
