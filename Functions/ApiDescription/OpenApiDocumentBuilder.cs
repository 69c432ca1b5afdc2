using System.Reflection;
using System.Text.Json.Nodes;
using AccessPmc.Contracts;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace AccessPmc.Functions.ApiDescription;

/// <summary>
/// Builds the OpenAPI 3.1 description of every HTTP function of an assembly: method(s) and route from
/// <c>[HttpTrigger]</c>, answers from the declared <c>Results&lt;…&gt;</c>, schemas from the Contracts records
/// (<see cref="ContractSchemas"/>), and from <see cref="ApiDescriptionAttribute"/> the roles (as the bearer scheme's
/// role list), body, query and problem codes, plus the problems the request gate and body readers answer by themselves.
/// Nothing is written by hand: a new function appears as soon as it exists.
/// </summary>
public static class OpenApiDocumentBuilder
{
    public const string Scheme = "apiKey";

    public static OpenApiDocument Build(Assembly assembly, string routePrefix)
    {
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "ACCESSPMC",
                Version = assembly.GetName().Version?.ToString() ?? "1.0",
                Description = "Signed QR-code campus access passes: issue, verify, revoke, presence, statistics. Errors are application/problem+json with a stable `code`.",
            },
            Paths = [],
            Components = new OpenApiComponents
            {
                Schemas = new Dictionary<string, IOpenApiSchema>(),
                SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [Scheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        Description = "An API key, sent as `Authorization: Bearer <key>`. The role list of each operation names the client roles it admits.",
                    },
                },
            },
            Tags = new HashSet<OpenApiTag>(),
        };
        var schemas = new ContractSchemas(document);
        foreach (var function in HttpFunctions.In(assembly))
        {
            var path = "/" + string.Join('/', new[] { routePrefix.Trim('/'), function.Route.Replace("{*", "{", StringComparison.Ordinal) }.Where(s => s.Length > 0));
            if (!document.Paths.TryGetValue(path, out var item))
            {
                document.Paths[path] = item = new OpenApiPathItem { Operations = [] };
            }

            document.Tags.Add(new OpenApiTag { Name = function.Feature });
            foreach (var method in function.Methods.DefaultIfEmpty("get"))
            {
                ((OpenApiPathItem)item).Operations![new HttpMethod(method.ToUpperInvariant())] = Operation(function, method, document, schemas);
            }
        }

        return document;
    }

    private static OpenApiOperation Operation(HttpFunction function, string method, OpenApiDocument document, ContractSchemas schemas)
    {
        var described = function.Description;
        var operation = new OpenApiOperation
        {
            OperationId = method == "head" ? function.Name + "Head" : function.Name,
            Summary = described?.Summary ?? "Not described: add [ApiDescription] to the function.",
            Tags = new HashSet<OpenApiTagReference> { new(function.Feature, document) },
            Parameters = [.. Parameters(function)],
            Responses = [],
            Security = described is { Roles: not Role.None }
                ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = RoleNames(described.Roles) }]
                : [],
        };
        if (described?.Request is { } request)
        {
            var content = new Dictionary<string, IOpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = schemas.Ref(request) } };
            foreach (var media in described.RequestMedia)
            {
                content[media] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }

            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
        }

        foreach (var outcome in function.Outcomes.Where(t => t != typeof(ProblemHttpResult)))
        {
            var (status, response) = Answer(outcome, described, schemas);
            operation.Responses[status] = response;
        }

        foreach (var problem in ProblemCodes.Of(function).GroupBy(p => p.Status).OrderBy(g => g.Key))
        {
            operation.Responses[problem.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Problem([.. problem.Select(p => p.Code).Distinct()], schemas);
        }

        return operation;
    }

    private static IEnumerable<IOpenApiParameter> Parameters(HttpFunction function)
    {
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(function.Route, @"\{\*?([^}:?]+)").Select(m => m.Groups[1].Value))
        {
            yield return new OpenApiParameter { Name = name, In = ParameterLocation.Path, Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }

        foreach (var query in function.Description?.Query ?? [])
        {
            var (name, meaning) = query.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? (query[..colon], query[(colon + 1)..].Trim()) : (query, "");
            yield return new OpenApiParameter { Name = name, In = ParameterLocation.Query, Description = meaning, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
    }

    private static (string Status, OpenApiResponse Response) Answer(Type outcome, ApiDescriptionAttribute? described, ContractSchemas schemas)
    {
        OpenApiResponse Json(string description) =>
            new() { Description = description, Content = new Dictionary<string, IOpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = schemas.Ref(outcome.GetGenericArguments()[0]) } } };

        var name = outcome.IsGenericType ? outcome.GetGenericTypeDefinition().Name : outcome.Name;
        return name switch
        {
            "Ok`1" => ("200", Json("OK")),
            "Created`1" => ("201", Json("Created")),
            "JsonHttpResult`1" => ((described?.JsonStatus ?? 200).ToString(System.Globalization.CultureInfo.InvariantCulture), Json("JSON answer")),
            nameof(RedirectHttpResult) => ("301", new OpenApiResponse { Description = "Moved to the canonical address (Location)." }),
            _ => ("200", new OpenApiResponse
            {
                Description = "Content",
                Content = (described?.Produces ?? []).ToDictionary(m => m, IOpenApiMediaType (m) => new OpenApiMediaType
                {
                    Schema = m.EndsWith("json", StringComparison.Ordinal)
                        ? new OpenApiSchema { Type = JsonSchemaType.Object }
                        : new OpenApiSchema { Type = JsonSchemaType.String, ContentMediaType = m },
                }),
            }),
        };
    }

    private static OpenApiResponse Problem(IReadOnlyList<string> codes, ContractSchemas schemas) => new()
    {
        Description = "Problem (RFC 9457), `code` one of: " + string.Join(", ", codes),
        Content = new Dictionary<string, IOpenApiMediaType>
        {
            ["application/problem+json"] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    AllOf = [schemas.Ref(typeof(ApiProblem))],
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. codes.Select(c => (JsonNode)JsonValue.Create(c))] },
                    },
                },
            },
        },
    };

    private static List<string> RoleNames(Role roles) =>
        [.. new[] { Role.Issuer, Role.Scanner, Role.Admin }.Where(r => roles.HasFlag(r)).Select(ApiCaller.RoleName)];
}
