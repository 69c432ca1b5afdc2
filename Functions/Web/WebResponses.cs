using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccessPmc.Functions.Web;

/// <summary>
/// Serves an embedded web app: correct media types, strong ETags (If-None-Match → 304), no-cache for
/// pages and the service worker, a year for content-hashed assets, and a strict CSP with no inline
/// script or style, and the build's brotli or gzip copy when the request accepts it (RFC 9110 §12.5.3).
/// Same origin only: no CORS headers (docs/decisions.md).
/// </summary>
public static class WebResponses
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
        "connect-src 'self'; media-src 'self' blob:; worker-src 'self'; manifest-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <param name="path">The route's catch-all value: null or empty for the app's root.</param>
    public static Results<FileContentHttpResult, RedirectHttpResult, ProblemHttpResult> Serve(HttpRequest request, WebAssets assets, string app, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            // Relative URLs in the page resolve against a directory only with the trailing slash.
            if (!(request.Path.Value ?? "").EndsWith('/'))
            {
                return TypedResults.Redirect(app + "/", permanent: true);
            }

            path = "index.html";
        }

        if (assets.Find(app, path) is not { } asset)
        {
            return ApiError.NotFound("page").ToResult();
        }

        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=(), payment=(), usb=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = asset.Immutable ? "public, max-age=31536000, immutable" : "no-cache";
        if (asset.Encodings.Count == 0)
        {
            return TypedResults.Bytes(asset.Content, asset.ContentType, entityTag: asset.ETag);
        }

        // Caches must key on the request's codings, whichever representation this one is.
        headers.Vary = "Accept-Encoding";
        if (asset.Encodings.FirstOrDefault(e => Accepts(request, e.Coding)) is not { } encoded)
        {
            return TypedResults.Bytes(asset.Content, asset.ContentType, entityTag: asset.ETag);
        }

        headers.ContentEncoding = encoded.Coding;
        return TypedResults.Bytes(encoded.Content, asset.ContentType, entityTag: encoded.ETag);
    }

    // A coding is acceptable when Accept-Encoding names it, or "*", with a non-zero weight; an explicit weight
    // of zero for the coding wins over "*" (RFC 9110 §12.5.3).
    private static bool Accepts(HttpRequest request, string coding)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        var named = accepted.FirstOrDefault(a => a.Value.Equals(coding, StringComparison.OrdinalIgnoreCase))
            ?? accepted.FirstOrDefault(a => a.Value.Equals("*", StringComparison.Ordinal));
        return named is not null && named.Quality is not 0;
    }
}
