using System.Net;
using AccessPmc.EndToEnd.Tests.Infrastructure;

namespace AccessPmc.EndToEnd.Tests;

/// <summary>
/// SelfHost only: how SelfHost reads host.json and local.settings.json, which the Functions host reads itself.
/// What both hosts must answer alike is in <see cref="HttpParityTests"/>, run under each host.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Host", "SelfHost")]
public sealed class HostFidelityTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RoutePrefixComesFromHostJson()
    {
        var hostJson = Path.Combine(Directory.CreateTempSubdirectory().FullName, "host.json");
        await File.WriteAllTextAsync(hostJson, """{ "version": "2.0", "extensions": { "http": { "routePrefix": "gate" } } }""");
        await using var host = await RunningHost.StartAsync(azurite, args: ["--host-json", hostJson]);

        Assert.Equal("healthy", (await host.Client(TestApp.ScannerKey, "gate/api").HealthAsync()).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await host.SendAsync(HttpMethod.Get, "api/health")).StatusCode);
    }

    [Fact]
    public async Task WithoutARoutePrefixSettingTheHostDefaultApiApplies()
    {
        var hostJson = Path.Combine(Directory.CreateTempSubdirectory().FullName, "host.json");
        await File.WriteAllTextAsync(hostJson, """{ "version": "2.0" }""");
        await using var host = await RunningHost.StartAsync(azurite, args: ["--host-json", hostJson]);

        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Get, "api/api/health")).StatusCode);
    }

    [Fact]
    public async Task LocalSettingsValuesDoNotOverrideTheEnvironment()
    {
        var name = "SELFHOST_E2E_" + Guid.NewGuid().ToString("N")[..8];
        var settings = Path.Combine(Directory.CreateTempSubdirectory().FullName, "local.settings.json");
        await File.WriteAllTextAsync(settings, $$"""
            { "IsEncrypted": false, "Values": { "{{name}}": "from-file", "{{name}}_ONLY": "file-only", "{{name}}__Nested": "nested", "ExpirePassesSchedule": "0 0 * * * *", "PurgePersonalDataSchedule": "0 0 3 * * *" }, "Host": { "LocalHttpPort": 7999 } }
            """);
        Environment.SetEnvironmentVariable(name, "from-environment");
        try
        {
            await using var app = AccessPmc.SelfHost.SelfHostApp.Build(["--settings", settings, "--port", "0"]);

            Assert.Equal("from-environment", app.App.Configuration[name]);
            Assert.Equal("file-only", app.App.Configuration[name + "_ONLY"]);
            Assert.Equal("nested", app.App.Configuration[name + ":Nested"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
