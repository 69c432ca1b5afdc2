using System.Text;
using AccessPmc.Contracts;
using Microsoft.AspNetCore.Http;

namespace AccessPmc.Functions.Http;

/// <summary>
/// A text body (CSV) under the same size cap as JSON bodies, decoded as it says: a byte-order mark first
/// (UTF-8, UTF-16), else the declared charset (e.g. windows-1252, French Excel's default), else UTF-8.
/// Bytes that are not valid in that encoding, and NUL characters (UTF-16 without its byte-order mark), are refused
/// (400 <c>invalid_encoding</c>), never turned into U+FFFD or passed on.
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
        // Checked before decoding: UTF-16 without its byte-order mark is either refused by strict UTF-8 with a
        // misleading hint (an accented letter) or "read" with a NUL beside every ASCII letter.
        if (encoding.GetByteCount("a") == 1 && LooksLikeUtf16(bytes, skip))
        {
            return Unreadable("It looks like UTF-16 without a byte-order mark: save it as UTF-8 (\"CSV UTF-8\").");
        }

        try
        {
            var text = encoding.GetString(bytes, skip, bytes.Length - skip);
            return text.Contains('\0', StringComparison.Ordinal)
                ? Unreadable("It holds NUL characters, which no text has: is it a spreadsheet file (.xlsx) rather than CSV?")
                : text;
        }
        catch (DecoderFallbackException)
        {
            return Unreadable(declared is null
                ? "It is not UTF-8: save it as \"CSV UTF-8\", or say its charset, e.g. Content-Type: text/csv; charset=windows-1252."
                : $"It is not valid {encoding.WebName}.");
        }
    }

    /// <summary>Text that is mostly ASCII in UTF-16 has a zero in every other byte: nine pairs in ten or more, on one side.</summary>
    private static bool LooksLikeUtf16(byte[] bytes, int skip)
    {
        var (even, odd) = (0, 0);
        for (var i = skip; i + 1 < bytes.Length; i += 2)
        {
            even += bytes[i] == 0 ? 1 : 0;
            odd += bytes[i + 1] == 0 ? 1 : 0;
        }

        var pairs = (bytes.Length - skip) / 2;
        return pairs > 0 && Math.Max(even, odd) * 10 >= pairs * 9;
    }

    private static ApiError Unreadable(string hint) =>
        ApiError.Invalid(ErrorCodes.InvalidEncoding, "body", "The text cannot be read. " + hint);

    private static (Encoding Encoding, int Skip)? Bom(byte[] bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false, throwOnInvalidBytes: true), 3),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2),
        _ => null,
    };
}
