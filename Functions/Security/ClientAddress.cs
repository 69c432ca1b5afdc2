using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Security;

/// <summary>
/// The address a request's failures are counted against. X-Forwarded-For has already been applied by
/// the forwarded-headers middleware. Behind a proxy in front of the Functions host that gives the
/// proxy's address, because the host replaces X-Forwarded-For with its own peer; so when the address is
/// still a trusted proxy, its X-Real-IP is applied too, by the same ASP.NET Core code with the same
/// trusted list. A client that reaches the host directly is not trusted, and its X-Real-IP is ignored.
/// </summary>
public sealed class ClientAddress
{
    public const string RealIpHeader = "X-Real-IP";

    private readonly ForwardedHeadersMiddleware realIp;

    public ClientAddress(IOptions<ForwardedHeadersOptions> forwarded)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor,
            ForwardedForHeaderName = RealIpHeader,
            OriginalForHeaderName = "X-Original-Real-IP",
            ForwardLimit = 1,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in forwarded.Value.KnownProxies)
        {
            options.KnownProxies.Add(proxy);
        }

        foreach (var network in forwarded.Value.KnownIPNetworks)
        {
            options.KnownIPNetworks.Add(network);
        }

        realIp = new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance, Options.Create(options));
    }

    /// <summary>Applies X-Real-IP from a trusted proxy to the connection, then returns the client address ("unknown" when none).</summary>
    public string Of(HttpContext context)
    {
        realIp.ApplyForwarders(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
