using System.Text;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.OpenApi;

namespace AccessPmc.Functions.ApiDescription;

/// <summary><c>GET /api/openapi.json</c> (anonymous): the OpenAPI 3.1 description of every HTTP function, generated from the code once per process.</summary>
public sealed class OpenApiFunction
{
    private static readonly Lazy<string> Document = new(() =>
    {
        var document = OpenApiDocumentBuilder.Build(typeof(OpenApiFunction).Assembly, HostRoutePrefix());
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        return text.ToString();
    });

    [Function("GetOpenApi")]
    [ApiDescription("This description: OpenAPI 3.1, generated from the functions and the Contracts records.", Produces = ["application/json"])]
    public ContentHttpResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/openapi.json")] HttpRequest req) =>
        TypedResults.Text(Document.Value, "application/json", Encoding.UTF8);

    /// <summary>host.json's <c>extensions.http.routePrefix</c> beside the app (the host's default, <c>api</c>, when absent; this app sets "", D25).</summary>
    private static string HostRoutePrefix()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "host.json");
        if (!File.Exists(path))
        {
            return "";
        }

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.TryGetProperty("extensions", out var e) && e.TryGetProperty("http", out var h) && h.TryGetProperty("routePrefix", out var p)
            ? p.GetString() ?? ""
            : "api";
    }
}
