using System.Text.Json;
using AccessPmc.Contracts;
using AccessPmc.Functions.ApiDescription;
using Microsoft.OpenApi;

namespace AccessPmc.Tests.ApiDescription;

/// <summary>
/// <c>GET /api/openapi.json</c> as served, read back with Microsoft.OpenApi's reader: it parses without errors as
/// OpenAPI 3.1 and describes every HTTP function of functions.metadata with its methods, route, auth, schemas and problems.
/// </summary>
public sealed class OpenApiDocumentTests(AzuriteFixture azurite) : AppTests(azurite, "openapi")
{
    /// <summary>Open to anyone: the health probe, this description, and the web pages (routes outside api/).</summary>
    private static readonly HashSet<string> Anonymous = ["api/health", "api/openapi.json"];

    private async Task<(Reply Reply, OpenApiDocument Document)> ServedAsync()
    {
        var reply = await App.CallAsync<OpenApiFunction>("GET", "/api/openapi.json", null, null, (f, r) => Task.FromResult<Microsoft.AspNetCore.Http.IResult>(f.Run(r)));
        var (document, diagnostic) = OpenApiDocument.Parse(reply.Body, "json");
        Assert.True(diagnostic!.Errors.Count == 0, string.Join("\n", diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}")));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
        return (reply, document!);
    }

    private static IEnumerable<(string Name, string Route, string[] Methods)> DeclaredHttpFunctions()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        foreach (var function in metadata.RootElement.EnumerateArray())
        {
            var trigger = function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            if (trigger.GetProperty("type").GetString() == "httpTrigger")
            {
                yield return (function.GetProperty("name").GetString()!, trigger.GetProperty("route").GetString()!, [.. trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant())]);
            }
        }
    }

    [Fact]
    public async Task TheServedDocumentIsOpenApi31JsonThatReadsBackWithoutErrors()
    {
        var (reply, document) = await ServedAsync();

        Assert.Equal((200, "application/json; charset=utf-8"), (reply.Status, reply.ContentType));
        Assert.StartsWith("3.1.", JsonDocument.Parse(reply.Body).RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("ACCESSPMC", document.Info.Title);
        Assert.Equal((SecuritySchemeType.Http, "bearer"), (document.Components!.SecuritySchemes![OpenApiDocumentBuilder.Scheme].Type, document.Components.SecuritySchemes[OpenApiDocumentBuilder.Scheme].Scheme));
    }

    [Fact]
    public async Task EveryFunctionOfTheMetadataIsDescribedWithItsMethodsRouteAuthSchemasAndProblems()
    {
        var (_, document) = await ServedAsync();
        var declared = DeclaredHttpFunctions().ToList();
        Assert.Contains(declared, f => f.Name == "GetStats");

        foreach (var (name, route, methods) in declared)
        {
            var path = "/" + route.Replace("{*", "{", StringComparison.Ordinal);
            Assert.True(document.Paths.TryGetValue(path, out var item), $"{name}: no path {path}");
            foreach (var method in methods.Select(m => new HttpMethod(m)))
            {
                Assert.True(item!.Operations!.TryGetValue(method, out var operation), $"{name}: no {method} on {path}");
                var what = $"{method} {path} ({name})";
                Assert.Equal(method == HttpMethod.Head ? name + "Head" : name, operation.OperationId);
                Assert.DoesNotContain("Not described", operation.Summary ?? "", StringComparison.Ordinal);

                // Auth: the bearer scheme with the roles admitted, or nothing for the public routes and the pages.
                var open = Anonymous.Contains(route) || !route.StartsWith("api/", StringComparison.Ordinal);
                var roles = operation.Security!.SelectMany(r => r).ToList();
                Assert.True(open ? roles.Count == 0 : roles is [{ Value.Count: > 0 }] && roles[0].Key.Reference.Id == OpenApiDocumentBuilder.Scheme, $"{what}: auth {string.Join(",", roles.Select(r => r.Key.Reference.Id + ":" + string.Join("|", r.Value)))}");
                Assert.All(roles.SelectMany(r => r.Value), r => Assert.Contains(r, new[] { Roles.Issuer, Roles.Scanner, Roles.Admin }));

                // Schemas: a success answer with content (or a redirect), a JSON body resolved to its component.
                var success = operation.Responses!.Where(r => r.Key[0] == '2').ToList();
                Assert.True(success.Count > 0, $"{what}: no success answer");
                Assert.All(success, r => Assert.True(r.Value.Content is { Count: > 0 } c && c.Values.All(m => m.Schema is not null), $"{what}: {r.Key} has no schema"));
                if (operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
                {
                    Assert.True(body.Schema is OpenApiSchemaReference { Target.Properties.Count: > 0 }, $"{what}: request body schema");
                }

                // Problems: problem+json whose code is one of the contract's codes; every function at least 500, gated ones 401.
                var problems = operation.Responses!.Where(r => r.Value.Content?.ContainsKey("application/problem+json") == true).ToList();
                Assert.All(operation.Responses!.Where(r => r.Key[0] == '4'), r => Assert.Contains(r, problems));
                Assert.Contains(problems, p => p.Key == "500");
                Assert.True(open || problems.Any(p => p.Key == "401"), $"{what}: no 401");
                foreach (var (status, response) in problems)
                {
                    var schema = response.Content!["application/problem+json"].Schema!;
                    var codes = schema.Properties!["code"].Enum!.Select(c => c!.GetValue<string>()).ToList();
                    Assert.NotEmpty(codes);
                    Assert.All(codes, c => Assert.True(ProblemCodes.Known.Contains(c), $"{what}: {status} names unknown code {c}"));
                    Assert.Equal(nameof(ApiProblem), Assert.IsType<OpenApiSchemaReference>(Assert.Single(schema.AllOf!)).Reference.Id);
                }
            }
        }
    }

    [Fact]
    public async Task ContractSchemasAreTheWireShapesOfTheRecords()
    {
        var (_, document) = await ServedAsync();
        var stats = document.Components!.Schemas![nameof(StatsResponse)];
        var verify = document.Paths["/api/verify"].Operations![HttpMethod.Post];

        Assert.Equal(["from", "granularity", "occupancy", "passes", "scans", "to"], stats.Properties!.Keys.Order());
        Assert.Equal(["offline", "reasons", "directions"], stats.Properties["scans"].Items!.Properties!.Keys.Where(k => k is "offline" or "reasons" or "directions").OrderBy(k => k == "offline" ? 0 : k == "reasons" ? 1 : 2));
        Assert.Equal(nameof(VerifyRequest), Assert.IsType<OpenApiSchemaReference>(verify.RequestBody!.Content!["application/json"].Schema).Reference.Id);
        Assert.Contains(ErrorCodes.UnknownDirection, verify.Responses!["400"].Content!["application/problem+json"].Schema!.Properties!["code"].Enum!.Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public void EveryHttpFunctionCarriesADescriptionWhoseProblemsAreContractCodes()
    {
        var functions = HttpFunctions.In(typeof(OpenApiFunction).Assembly);

        Assert.NotEmpty(functions);
        Assert.All(functions, f => Assert.True(f.Description is not null, $"{f.Name} has no [ApiDescription]"));
        Assert.All(functions.SelectMany(f => (f.Description?.Problems ?? []).Select(p => (f.Name, Problem: ProblemCodes.Parse(p)))), p =>
            Assert.True(p.Problem.Status is >= 400 and < 600 && ProblemCodes.Known.Contains(p.Problem.Code), $"{p.Name}: '{p.Problem.Status} {p.Problem.Code}'"));
    }
}
