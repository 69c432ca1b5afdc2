using System.Net;
using AccessPmc.EndToEnd.Tests.Infrastructure;

namespace AccessPmc.EndToEnd.Tests;

/// <summary>SelfHost answers where and when the Functions host would.</summary>
[Collection(AzuriteCollection.Name)]
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
    public async Task RoutesMatchCaseInsensitivelyAndAWrongMethodIsNotFound()
    {
        await using var host = await RunningHost.StartAsync(azurite);

        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Get, "API/HEALTH")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.SendAsync(HttpMethod.Post, "api/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.SendAsync(HttpMethod.Delete, "api/passes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.SendAsync(HttpMethod.Get, "api/nothing-here")).StatusCode);
    }

    [Fact]
    public async Task TimerScheduleFromASettingFires()
    {
        await using var host = await RunningHost.StartAsync(azurite, new Dictionary<string, string?> { ["ExpirePassesSchedule"] = "*/1 * * * * *" });

        await RunningHost.WaitUntilAsync(() => Task.FromResult(host.App.Timers.RunCount("ExpirePasses") >= 1), "ExpirePasses ran");
    }

    [Fact]
    public async Task LocalSettingsValuesDoNotOverrideTheEnvironment()
    {
        var name = "SELFHOST_E2E_" + Guid.NewGuid().ToString("N")[..8];
        var settings = Path.Combine(Directory.CreateTempSubdirectory().FullName, "local.settings.json");
        await File.WriteAllTextAsync(settings, $$"""
            { "IsEncrypted": false, "Values": { "{{name}}": "from-file", "{{name}}_ONLY": "file-only", "{{name}}__Nested": "nested", "ExpirePassesSchedule": "0 0 * * * *", "PurgePersonalDataSchedule": "0 0 3 * * *", "PresenceResetSchedule": "0 */5 * * * *" }, "Host": { "LocalHttpPort": 7999 } }
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
