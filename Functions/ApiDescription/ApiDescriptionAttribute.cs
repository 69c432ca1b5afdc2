using AccessPmc.Functions.Security;

namespace AccessPmc.Functions.ApiDescription;

/// <summary>
/// What <c>GET /api/openapi.json</c> says of an HTTP function beyond its signature (method, route, outcomes): who
/// may call it, the body it reads, the query parameters and media types, and the problems it can answer. Every HTTP
/// function carries one (a contract test fails otherwise); the generator (<see cref="OpenApiDocumentBuilder"/>)
/// adds the problems every gated function or body reader can answer by itself.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiDescriptionAttribute(string summary) : Attribute
{
    public string Summary { get; } = summary;

    /// <summary>The roles its <c>RequestGate.AdmitAsync</c> call admits; <see cref="Role.None"/>: anonymous, no key read.</summary>
    public Role Roles { get; set; }

    /// <summary>The JSON body (a Contracts record), or null when it reads none.</summary>
    public Type? Request { get; set; }

    /// <summary>Other media types the body may have (<c>text/csv</c>), described as text.</summary>
    public string[] RequestMedia { get; set; } = [];

    /// <summary>Media types of a file or text answer (<c>FileContentHttpResult</c>, <c>ContentHttpResult</c>).</summary>
    public string[] Produces { get; set; } = [];

    /// <summary>Query parameters it reads, as <c>name: what it means</c>.</summary>
    public string[] Query { get; set; } = [];

    /// <summary>The status of a <c>JsonHttpResult</c> outcome (health's 503).</summary>
    public int JsonStatus { get; set; } = 200;

    /// <summary>Problems its own rules answer, as <c>status code</c> (<c>"404 not_found"</c>), codes from <c>Contracts.ErrorCodes</c>.</summary>
    public string[] Problems { get; set; } = [];
}
