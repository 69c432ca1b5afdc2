using System.Text.Json;

namespace AccessPmc.Tests.Contract;

/// <summary>The SDK-generated functions.metadata is what the host (and SelfHost) serve: pin it.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly string[] Expected =
    [
        "IssuePass http post api/passes",
        "ListPasses http get,head api/passes",
        "IssuePassBatch http post api/passes/batch",
        "CreateClient http post api/clients",
        "ListClients http get,head api/clients",
        "GetClient http get,head api/clients/{id}",
        "DisableClient http post api/clients/{id}/disable",
        "RotateClientKey http post api/clients/{id}/rotate",
        "ExportHolder http post api/holders/export",
        "EraseHolder http post api/holders/erase",
        "GetPass http get,head api/passes/{id}",
        "RevokePass http post api/passes/{id}/revoke",
        "PassQr http get,head api/passes/{id}/qr",
        "PassDocument http get,head api/passes/{id}/document",
        "PassDocuments http post api/passes/documents",
        "VerifyPass http post api/verify",
        "GetKeys http get,head api/keys",
        "GetRevocations http get,head api/revocations",
        "Health http get,head api/health",
        "GetMe http get,head api/me",
        "UploadScans http post api/scans",
        "ScannerApp http get,head scanner/{*path}",
        "ConsoleApp http get,head console/{*path}",
        "ExpirePasses timer %ExpirePassesSchedule%",
        "PurgePersonalData timer %PurgePersonalDataSchedule%",
        "ListAnomalies http get,head api/anomalies",
        "GetSitePresence http get,head api/sites/{site}/presence",
        "ResetPresence timer %PresenceResetSchedule%",
        "GetStats http get,head api/stats",
        "GetOpenApi http get,head api/openapi.json",
    ];

    [Fact]
    public void MetadataDeclaresExactlyThePromisedFunctions()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));

        var declared = doc.RootElement.EnumerateArray().Select(Describe).Order().ToList();

        Assert.Equal(Expected.Order().ToList(), declared);
    }

    [Fact]
    public void EveryHttpFunctionIsAnonymousAtHostLevel()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));

        var levels = doc.RootElement.EnumerateArray()
            .Select(f => Trigger(f))
            .Where(t => t.GetProperty("type").GetString() == "httpTrigger")
            .Select(t => t.GetProperty("authLevel").GetString())
            .Distinct();

        Assert.Equal(["Anonymous"], levels);
    }

    private static JsonElement Trigger(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    private static string Describe(JsonElement function)
    {
        var name = function.GetProperty("name").GetString();
        var trigger = Trigger(function);
        return trigger.GetProperty("type").GetString() == "httpTrigger"
            ? $"{name} http {string.Join(',', trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()))} {trigger.GetProperty("route").GetString()}"
            : $"{name} timer {trigger.GetProperty("schedule").GetString()}";
    }
}
