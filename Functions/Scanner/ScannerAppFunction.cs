using AccessPmc.Functions.ApiDescription;
using AccessPmc.Functions.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.Functions.Scanner;

/// <summary>The scanner web app at <c>/scanner/</c> (outside <c>api/</c> and the host's reserved <c>admin/</c>, <c>runtime/</c>); no API key for the page itself.</summary>
public sealed class ScannerAppFunction(WebAssets assets)
{
    public const string App = "scanner";

    [ApiDescription("The gate scanner web app (pages, script, manifest, service worker); no key", Produces = ["text/html", "text/javascript", "application/manifest+json", "application/wasm"], Problems = ["404 not_found"])]
    [Function("ScannerApp")]
    public Results<FileContentHttpResult, RedirectHttpResult, ProblemHttpResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "scanner/{*path}")] HttpRequest req, string? path) =>
        WebResponses.Serve(req, assets, App, path);
}
