using System.Text.Json;
using AccessPmc.Functions.Health;

namespace AccessPmc.Tests.Health;

public sealed class HealthFunctionTests(AzuriteFixture azurite) : AppTests(azurite, "health")
{
    [Fact]
    public async Task HealthSaysStorageIsReachable()
    {
        var req = App.Request("GET", "/api/health", key: null);
        var reply = await TestApp.ExecuteAsync(req, await App.Function<HealthFunction>().Run(req, default));

        Assert.Equal(200, reply.Status);
        Assert.Equal("reachable", JsonDocument.Parse(reply.Body).RootElement.GetProperty("storage").GetString());
    }
}
