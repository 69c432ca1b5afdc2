using System.Net;
using System.Net.Http.Headers;
using AccessPmc.EndToEnd.Tests.Infrastructure;

namespace AccessPmc.EndToEnd.Tests.Operations;

/// <summary>
/// Behind a reverse proxy on the same machine (loopback, trusted), each real client has its own
/// failed-login budget: SelfHost applies the forwarded address before the request gate counts failures.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ForwardedClientTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private RunningHost host = null!;

    public async Task InitializeAsync() => host = await RunningHost.StartAsync(azurite, new Dictionary<string, string?> { ["Auth:FailuresPerMinute"] = "2" });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task EachForwardedClientHasItsOwnFailedLoginBudget()
    {
        var guesser = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            guesser.Add(await BadKeyAsync("203.0.113.5"));
        }

        var neighbour = await BadKeyAsync("203.0.113.6");
        var direct = await BadKeyAsync(forwardedFor: null);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], guesser);
        Assert.Equal(HttpStatusCode.Unauthorized, neighbour);
        Assert.Equal(HttpStatusCode.Unauthorized, direct);
    }

    private async Task<HttpStatusCode> BadKeyAsync(string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseAddress, "api/keys"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "pmc_0000000000000000_wrong");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await host.Http.SendAsync(request);
        return response.StatusCode;
    }
}
