using System.Text.Json;
using System.Text;
using AccessPmc.Contracts;
using AccessPmc.Functions.Security;
using AccessPmc.Functions.Storage;
using AccessPmc.Functions.Verification;
using AccessPmc.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccessPmc.Tests.Infrastructure;

public sealed record Reply(int Status, string? ContentType, IHeaderDictionary Headers, string Body)
{
    public T Json<T>() => JsonSerializer.Deserialize<T>(Body, new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = AccessPmcJson.Default })!;

    public string? ProblemCode() =>
        JsonDocument.Parse(Body).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
}
