using System.Net;
using AccessPmc.Contracts;
using AccessPmc.EndToEnd.Tests.Infrastructure;

namespace AccessPmc.EndToEnd.Tests;

/// <summary>Storage stops under a running service: calls answer 503 storage_unavailable with Retry-After, never 500, and health says so.</summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();
    private RunningHost host = null!;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        host = await RunningHost.StartAsync(azurite);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task WithStorageDownCallsAre503WithRetryAfterAndHealthIs503()
    {
        var pass = await host.Issuer.IssuePassAsync(new IssuePassRequest("Jeanne", "Dupont", PassKinds.Temporary, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1), ["PMC"]));

        await azurite.DisposeAsync();
        var verify = await Assert.ThrowsAsync<AccessPmcException>(() => host.Scanner.VerifyAsync(pass.Code, "PMC"));
        var issue = await Assert.ThrowsAsync<AccessPmcException>(() => host.Issuer.GetPassAsync(pass.Id));
        var health = await host.SendAsync(HttpMethod.Get, "api/health");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, ErrorCodes.StorageUnavailable), (verify.Status, verify.Code));
        Assert.NotNull(verify.RetryAfter);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, ErrorCodes.StorageUnavailable), (issue.Status, issue.Code));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }
}
