using Microsoft.AspNetCore.Http;

namespace AccessPmc.Functions.Http;

/// <summary>A text body under the same size cap as JSON bodies.</summary>
public static class PlainBody
{
    public static async Task<Outcome<string>> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return JsonBody.TooLarge(maxBytes);
        }

        try
        {
            using var reader = new StreamReader(new LimitedStream(request.Body, maxBytes));
            return await reader.ReadToEndAsync(ct);
        }
        catch (BodyTooLargeException)
        {
            return JsonBody.TooLarge(maxBytes);
        }
    }
}
