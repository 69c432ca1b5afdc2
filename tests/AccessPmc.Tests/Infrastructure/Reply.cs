using System.Text.Json;
using AccessPmc.Contracts;
using Microsoft.AspNetCore.Http;

namespace AccessPmc.Tests.Infrastructure;

public sealed record Reply(int Status, string? ContentType, IHeaderDictionary Headers, string Body)
{
    public T Json<T>() => JsonSerializer.Deserialize<T>(Body, new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = AccessPmcJson.Default })!;

    public string? ProblemCode() =>
        JsonDocument.Parse(Body).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
}
