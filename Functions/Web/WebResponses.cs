using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccessPmc.Functions.Web;

/// <summary>
/// Serves an embedded web app: correct media types, strong ETags (If-None-Match → 304), no-cache for
/// pages and the service worker, a year for content-hashed assets, and a strict CSP with no inline
/// script or style. Same origin only: no CORS headers (docs/decisions.md).
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
        return TypedResults.Bytes(asset.Content, asset.ContentType, entityTag: asset.ETag);
    }
}
