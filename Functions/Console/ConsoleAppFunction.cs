using AccessPmc.Functions.ApiDescription;
using AccessPmc.Functions.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.Functions.Console;

/// <summary>
/// The admin console web app at <c>/console/</c> (docs/console.md): served like the scanner (embedded files,
/// strict CSP, same origin), no API key for the page itself; every API call it makes carries the signed-in key.
/// </summary>
public sealed class ConsoleAppFunction(WebAssets assets)
{
    public const string App = "console";

    [ApiDescription("The admin console web app (pages, script, styles); no key for the page, the signed-in key on each API call", Produces = ["text/html", "text/javascript", "text/css"], Problems = ["404 not_found"])]
    [Function("ConsoleApp")]
    public Results<FileContentHttpResult, RedirectHttpResult, ProblemHttpResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "console/{*path}")] HttpRequest req, string? path) =>
        WebResponses.Serve(req, assets, App, path);
}
