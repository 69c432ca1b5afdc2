using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccessPmc.EndToEnd.Tests.Infrastructure;

/// <summary>The app under SelfHost, in-process, over the shared table-only Azurite, with tables of its own.</summary>
public class SelfHostUnderTest(AzuriteFixture azurite) : HostUnderTest
{
    private readonly CapturedLogs logs = new();
    private RunningHost? host;

    public override string Name => "SelfHost";

    public override string Log => logs.Text;

    /// <summary>The Azurite this host runs over.</summary>
    protected AzuriteFixture Storage => azurite;

    protected override Task<string> StartStorageAsync() => Task.FromResult(azurite.ConnectionString);

    protected override async Task<Uri> StartHostAsync(IReadOnlyDictionary<string, string?> settings)
    {
        host = await RunningHost.StartAsync(azurite, settings, services: s => s.AddSingleton<ILoggerProvider>(logs));
        return host.BaseAddress;
    }

    protected override async Task StopAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
            host = null;
        }
    }
}
