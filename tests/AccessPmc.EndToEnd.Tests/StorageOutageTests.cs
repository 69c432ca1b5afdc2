using System.Net;
using AccessPmc.Contracts;
using AccessPmc.EndToEnd.Tests.Infrastructure;

namespace AccessPmc.EndToEnd.Tests;

/// <summary>Storage stops under a running service: calls answer 503 storage_unavailable with Retry-After, never 500, and health says so.</summary>
public abstract class StorageOutageTests(HostUnderTest host)
{
    [Fact]
    public async Task WithStorageDownCallsAre503WithRetryAfterAndHealthIs503()
    {
        var pass = await host.Issuer.IssuePassAsync(new IssuePassRequest("Jeanne", "Dupont", PassKinds.Temporary, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1), ["PMC"]));

        await host.StopStorageAsync();
        var verify = await Assert.ThrowsAsync<AccessPmcException>(() => host.Scanner.VerifyAsync(pass.Code, "PMC"));
        var read = await Assert.ThrowsAsync<AccessPmcException>(() => host.Issuer.GetPassAsync(pass.Id));
        using var health = await host.SendAsync(HttpMethod.Get, "api/health");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, ErrorCodes.StorageUnavailable), (verify.Status, verify.Code));
        Assert.NotNull(verify.RetryAfter);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, ErrorCodes.StorageUnavailable), (read.Status, read.Code));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }
}

/// <summary>SelfHost over an Azurite of its own, which the outage test stops.</summary>
public sealed class SelfHostWithOwnStorage() : SelfHostUnderTest(new AzuriteFixture())
{
    public override Task StopStorageAsync() => Storage.DisposeAsync();

    protected override async Task<string> StartStorageAsync()
    {
        await Storage.InitializeAsync();
        return await base.StartStorageAsync();
    }

    protected override async Task StopAsync()
    {
        await base.StopAsync();
        await Storage.DisposeAsync();
    }
}

[Trait("Host", "SelfHost")]
public sealed class StorageOutageOnSelfHost(SelfHostWithOwnStorage host) : StorageOutageTests(host), IClassFixture<SelfHostWithOwnStorage>;

[Trait("Host", "Functions")]
public sealed class StorageOutageOnFunctionsHost(FunctionsHostUnderTest host) : StorageOutageTests(host), IClassFixture<FunctionsHostUnderTest>;
