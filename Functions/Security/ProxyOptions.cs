using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Security;

/// <summary>
/// Reverse proxies whose forwarded client address is believed, so the failed-login budget (keyed by
/// source address) is per real client behind them. X-Forwarded-For is applied by ASP.NET Core's
/// forwarded-headers middleware (the worker's own under the Functions host, SelfHost's under SelfHost,
/// both configured by <see cref="ConfigureForwardedHeaders"/>); X-Real-IP by <see cref="ClientAddress"/>.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>
    /// Addresses (<c>10.0.0.5</c>) or networks (<c>10.0.0.0/24</c>) of trusted proxies. Loopback is always
    /// trusted: the Functions host forwards every request to the worker from it.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>The same values the worker's ASP.NET Core integration sets (all headers, no hop limit), plus ours.</summary>
    public static void ConfigureForwardedHeaders(ForwardedHeadersOptions target, ProxyOptions proxy)
    {
        target.ForwardedHeaders = ForwardedHeaders.All;
        target.ForwardLimit = null;
        foreach (var entry in proxy.TrustedProxies)
        {
            if (IPAddress.TryParse(entry, out var address))
            {
                target.KnownProxies.Add(address);
            }
            else if (System.Net.IPNetwork.TryParse(entry, out var network))
            {
                target.KnownIPNetworks.Add(network);
            }
        }
    }
}

/// <summary>Every trusted proxy must parse, named by its setting.</summary>
internal sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        var failures = options.TrustedProxies.Select((entry, i) => (entry, i))
            .Where(p => !IPAddress.TryParse(p.entry, out _) && !System.Net.IPNetwork.TryParse(p.entry, out _))
            .Select(p => $"{ProxyOptions.Section}__TrustedProxies__{p.i}: '{p.entry}' is neither an IP address (10.0.0.5) nor a network (10.0.0.0/24).")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
