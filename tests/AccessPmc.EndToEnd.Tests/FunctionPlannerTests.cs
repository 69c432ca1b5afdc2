using AccessPmc.SelfHost;
using AccessPmc.SelfHost.Http;
using AccessPmc.SelfHost.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AccessPmc.EndToEnd.Tests;

/// <summary>Every refusal, on crafted metadata, without starting a server. SelfHost only: the refusals are SelfHost's own.</summary>
[Trait("Host", "SelfHost")]
public sealed class FunctionPlannerTests
{
    private static readonly Dictionary<string, string> Settings = new() { ["Every5"] = "0 */5 * * * *", ["FiveFields"] = "*/5 * * * *" };

    private static string Http(string name, string method, string route, string methods = "\"get\"", string auth = "Anonymous") => $$"""
        { "name": "{{name}}", "scriptFile": "AccessPmc.EndToEnd.Tests.dll", "entryPoint": "AccessPmc.EndToEnd.Tests.SampleFunctions.{{method}}",
          "bindings": [ { "name": "req", "direction": "In", "type": "httpTrigger", "authLevel": "{{auth}}", "methods": [ {{methods}} ], "route": "{{route}}" },
                        { "name": "$return", "type": "http", "direction": "Out" } ] }
        """;

    private static string Timer(string name, string schedule, string type = "timerTrigger") => $$"""
        { "name": "{{name}}", "scriptFile": "AccessPmc.EndToEnd.Tests.dll", "entryPoint": "AccessPmc.EndToEnd.Tests.SampleFunctions.Tick",
          "bindings": [ { "name": "timer", "direction": "In", "type": "{{type}}", "schedule": "{{schedule}}" } ] }
        """;

    private static FunctionPlan Plan(params string[] functions) =>
        FunctionPlanner.Plan(FunctionMetadata.Parse("[" + string.Join(',', functions) + "]"), typeof(SampleFunctions).Assembly, "api", n => Settings.GetValueOrDefault(n));

    private static string Refusal(params string[] functions) => Assert.Throws<SelfHostStartupException>(() => Plan(functions)).Message;

    private static string SettingRefusal(params string[] functions) => Assert.Throws<AccessPmc.PassFormat.SettingsException>(() => Plan(functions)).Message;

    [Fact]
    public void SupportedFunctionsArePlannedInMetadataOrder()
    {
        var plan = Plan(Http("B", "Get", "items/{id}"), Http("A", "Action", "items/{n:int}/x", "\"post\""), Timer("T", "%Every5%"));

        Assert.Equal(["B", "A"], plan.Http.Select(f => f.Name));
        Assert.Equal("api/items/{id}", plan.Http[0].Route.Template);
        Assert.Equal("0 */5 * * * *", Assert.Single(plan.Timers).Schedule);
    }

    [Fact]
    public void TheRealMetadataIsPlanned()
    {
        var metadata = FunctionMetadata.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));

        var plan = FunctionPlanner.Plan(metadata, typeof(AccessPmc.Functions.AccessPmcServiceCollectionExtensions).Assembly, "", _ => "0 0 * * * *");

        Assert.Contains(plan.Http, f => f.Name == "IssuePass" && f.Route.Template == "api/passes");
        Assert.Contains(plan.Timers, t => t.Name == "ExpirePasses");
    }

    [Theory]
    [InlineData("queueTrigger", "trigger type 'queueTrigger' is not supported")]
    public void AnotherTriggerTypeIsRefused(string type, string reason) =>
        Assert.Equal($"Function 'Q': {reason} (SelfHost runs httpTrigger and timerTrigger only).", Refusal(Timer("Q", "x", type)));

    [Fact]
    public void AParameterItCannotBindIsRefused() =>
        Assert.StartsWith("Function 'C': parameter 'context' of type FunctionContext cannot be bound", Refusal(Http("C", "WantsContext", "c")));

    [Fact]
    public void ARouteValueMissingFromTheRouteIsRefused() =>
        Assert.StartsWith("Function 'G': parameter 'id' of type String cannot be bound", Refusal(Http("G", "Get", "items")));

    [Fact]
    public void AReturnTypeItCannotWriteIsRefused() =>
        Assert.StartsWith("Function 'R': return type Task`1 cannot be written", Refusal(Http("R", "ReturnsText", "r")));

    [Fact]
    public void AFiveFieldCronInTheMetadataIsRefusedNamingTheFunction() =>
        Assert.StartsWith("Function 'T': schedule '*/5 * * * *' has 5 fields; SelfHost needs a 6-field NCRONTAB expression", Refusal(Timer("T", "*/5 * * * *")));

    [Fact]
    public void AFiveFieldCronFromASettingIsRefusedNamingTheSetting() =>
        Assert.StartsWith("FiveFields: '*/5 * * * *' has 5 fields; write 6 fields", SettingRefusal(Timer("T", "%FiveFields%")), StringComparison.Ordinal);

    [Fact]
    public void AnUnsetScheduleSettingIsRefusedNamingTheSetting() =>
        Assert.StartsWith("Missing: not set; give the schedule as 6 fields", SettingRefusal(Timer("T", "%Missing%")), StringComparison.Ordinal);

    [Fact]
    public void AnAuthLevelOtherThanAnonymousIsRefused() =>
        Assert.StartsWith("Function 'F': auth level 'Function' is not supported", Refusal(Http("F", "Plain", "f", auth: "Function")));

    [Fact]
    public void OverlappingRoutesAreRefused() =>
        Assert.Equal(
            "Function 'Two': route 'api/Items/{ID}' overlaps route 'api/items/{id}' of function 'One' for the same methods.",
            Refusal(Http("One", "Get", "items/{id}"), Http("Two", "Get", "Items/{ID}", "\"post\", \"get\"")));

    [Fact]
    public void RoutesThatDifferByMethodLiteralOrLengthDoNotOverlap()
    {
        var plan = Plan(
            Http("A", "Get", "items/{id}"),
            Http("B", "Get", "items/{id}", "\"post\""),
            Http("C", "Plain", "items/new"),
            Http("D", "Get", "items/{id}/more"));

        Assert.Equal(4, plan.Http.Count);
    }

    [Fact]
    public void ACatchAllRouteIsPlannedAndMatchesItsPrefixAtAnyDepth()
    {
        var route = Assert.Single(Plan(Http("All", "File", "files/{*path}")).Http).Route;

        Assert.Equal("assets/app.js", Match(route, "/api/files/assets/app.js")?["path"]);
        Assert.True(Match(route, "/api/files") is { } bare && bare["path"] is null);
        Assert.Null(Match(route, "/api/other/app.js"));
    }

    [Fact]
    public void ACatchAllOverlapsARouteUnderItsPrefix() =>
        Assert.Equal(
            "Function 'One': route 'api/files/{id}' overlaps route 'api/files/{*path}' of function 'All' for the same methods.",
            Refusal(Http("All", "File", "files/{*path}"), Http("One", "Get", "files/{id}")));

    [Fact]
    public void ACatchAllOverlapsALiteralRouteUnderItsPrefixAndAnotherCatchAll()
    {
        Assert.StartsWith("Function 'New': route 'api/FILES/new/x' overlaps route 'api/files/{*path}'", Refusal(Http("All", "File", "files/{*path}"), Http("New", "Plain", "FILES/new/x")));
        Assert.StartsWith("Function 'Deep': route 'api/files/a/{*path}' overlaps", Refusal(Http("All", "File", "files/{*path}"), Http("Deep", "File", "files/a/{*path}")));
    }

    [Fact]
    public void ACatchAllDoesNotOverlapOtherPrefixesShorterRoutesOrOtherMethods()
    {
        var plan = Plan(
            Http("All", "File", "files/{*path}", "\"get\", \"head\""),
            Http("Other", "File", "pages/{*path}"),
            Http("Short", "Plain", "status"),
            Http("Upload", "Get", "files/{id}", "\"post\""));

        Assert.Equal(4, plan.Http.Count);
    }

    private static RouteValueDictionary? Match(HttpRoute route, string path)
    {
        var values = new RouteValueDictionary();
        return route.TryMatch(new DefaultHttpContext { Request = { Path = path } }, values) ? values : null;
    }

    [Fact]
    public async Task TheEntryPointExitsNonZeroWithTheReason()
    {
        var metadata = Path.Combine(Directory.CreateTempSubdirectory().FullName, "functions.metadata");
        var nightly = Timer("Nightly", "0 3 * * *").Replace("AccessPmc.EndToEnd.Tests.dll", "AccessPmc.Functions.dll", StringComparison.Ordinal)
            .Replace("AccessPmc.EndToEnd.Tests.SampleFunctions.Tick", "AccessPmc.Functions.Expiry.ExpirePassesFunction.Run", StringComparison.Ordinal);
        await File.WriteAllTextAsync(metadata, "[" + nightly + "]");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await SelfHostApp.RunAsync(["--metadata", metadata, "--no-local-settings", "--port", "0"], output, error);

        Assert.NotEqual(0, exit);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("SelfHost refused to start: Function 'Nightly': schedule '0 3 * * *' has 5 fields", line, StringComparison.Ordinal);
    }
}
