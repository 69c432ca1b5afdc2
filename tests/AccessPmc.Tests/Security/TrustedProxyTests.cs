using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AccessPmc.Tests.Security;

/// <summary>
/// The client address the failed-login budget is keyed by, as ASP.NET Core's forwarded-headers
/// middleware resolves it with the service's configured options (the same options the worker's own
/// middleware and SelfHost's use): a forwarded address is believed only from a trusted proxy.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TrustedProxyTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("192.0.2.10", "203.0.113.5", "203.0.113.5")]
    [InlineData("2001:db8::7", "203.0.113.5", "203.0.113.5")]
    [InlineData("127.0.0.1", "203.0.113.5", "203.0.113.5")]
    [InlineData("198.51.100.7", "203.0.113.5", "198.51.100.7")]
    [InlineData("192.0.2.10", "203.0.113.5, 192.0.2.11", "203.0.113.5")]
    [InlineData("192.0.2.10", "203.0.113.5, 198.51.100.9", "198.51.100.9")]
    public async Task ForwardedForIsBelievedOnlyFromTrustedProxies(string peer, string forwardedFor, string client)
    {
        await using var app = await TestApp.StartAsync(azurite, "proxy", new Dictionary<string, string?>
        {
            ["Proxy:TrustedProxies:0"] = "192.0.2.0/24",
            ["Proxy:TrustedProxies:1"] = "2001:db8::7",
        });
        var context = Request(peer, ("X-Forwarded-For", forwardedFor));

        Middleware(app.Services).ApplyForwarders(context);

        Assert.Equal(IPAddress.Parse(client), context.Connection.RemoteIpAddress);
    }

    [Theory]
    [InlineData("192.0.2.10", "203.0.113.5", "203.0.113.5")]
    [InlineData("198.51.100.7", "203.0.113.99", "198.51.100.7")]
    public async Task UnderTheFunctionsHostXRealIpIsBelievedOnlyFromATrustedProxy(string hostPeer, string realIp, string client)
    {
        await using var app = await TestApp.StartAsync(azurite, "realip", new Dictionary<string, string?> { ["Proxy:TrustedProxies:0"] = "192.0.2.0/24" });

        // The host (loopback) set X-Forwarded-For to its peer: the proxy, or a client that bypassed it; X-Real-IP passed through.
        var context = Request("127.0.0.1", ("X-Forwarded-For", hostPeer), ("X-Real-IP", realIp));
        Middleware(app.Services).ApplyForwarders(context);
        var address = app.Services.GetRequiredService<ClientAddress>().Of(context);

        Assert.Equal(client, address);
    }

    [Fact]
    public async Task UnderSelfHostBehindAProxyXForwardedForAloneGivesTheClient()
    {
        await using var app = await TestApp.StartAsync(azurite, "realip", new Dictionary<string, string?> { ["Proxy:TrustedProxies:0"] = "192.0.2.0/24" });

        var context = Request("192.0.2.10", ("X-Forwarded-For", "203.0.113.5"), ("X-Real-IP", "203.0.113.5"));
        Middleware(app.Services).ApplyForwarders(context);

        Assert.Equal("203.0.113.5", app.Services.GetRequiredService<ClientAddress>().Of(context));
    }

    private static ForwardedHeadersMiddleware Middleware(IServiceProvider services) =>
        new(_ => Task.CompletedTask, NullLoggerFactory.Instance, services.GetRequiredService<IOptions<ForwardedHeadersOptions>>());

    private static DefaultHttpContext Request(string peer, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context;
    }
}
