using System.Text.Json;
using AccessPmc.Tests.Infrastructure;

namespace AccessPmc.Tests.Contract;

/// <summary>The SDK-generated functions.metadata is what the host (and SelfHost) serve: pin it.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly string[] Expected =
    [
        "IssuePass http post passes",
        "ListPasses http get passes",
        "IssuePassBatch http post passes/batch",
        "CreateClient http post clients",
        "ListClients http get clients",
        "DisableClient http post clients/{id}/disable",
        "RotateClientKey http post clients/{id}/rotate",
        "ExportHolder http post holders/export",
        "EraseHolder http post holders/erase",
        "GetPass http get passes/{id}",
        "RevokePass http post passes/{id}/revoke",
        "PassQr http get passes/{id}/qr",
        "VerifyPass http post verify",
        "GetKeys http get keys",
        "GetRevocations http get revocations",
        "Health http get health",
        "ExpirePasses timer %ExpirePassesSchedule%",
        "PurgePersonalData timer %PurgePersonalDataSchedule%",
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
