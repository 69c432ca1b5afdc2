using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Scanner;

/// <summary>
/// Enrolment URLs: <c>{app root}scanner/#enrol={key}</c>. The key is in the fragment, which browsers never
/// send to a server; opening the URL enrols the scanner app, which then clears the fragment.
/// </summary>
public sealed class EnrolmentLinks(IOptions<ScannerOptions> options)
{
    /// <param name="request">a request to an <c>api/…</c> route: the app root is what precedes <c>api/</c> (route prefix included)</param>
    public string For(HttpRequest request, string apiKey) =>
        (options.Value.PublicBaseUrl?.AbsoluteUri ?? RootOf(request)).TrimEnd('/') + "/" + ScannerAppFunction.App + "/#enrol=" + Uri.EscapeDataString(apiKey);

    private static string RootOf(HttpRequest request)
    {
        var path = (request.PathBase + request.Path).Value ?? "/";
        var api = path.IndexOf("/api/", StringComparison.OrdinalIgnoreCase);
        return $"{request.Scheme}://{request.Host}{(api >= 0 ? path[..(api + 1)] : "/")}";
    }
}
