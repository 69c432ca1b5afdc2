using System.Data.Common;
using AccessPmc.PassFormat;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.SelfHost;

/// <summary>What an operator needs to see at start: where to call, what is served, where the data lives.</summary>
public static class Banner
{
    public static void Write(TextWriter output, SelfHostApp host)
    {
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        var configuration = host.App.Configuration;
        output.WriteLine($"AccessPmc SelfHost listening on {baseUrl}");
        if (configuration["SelfHost:LocalSettings"] is { } settings)
        {
            output.WriteLine($"  settings: {settings} (environment variables win)");
        }

        foreach (var f in host.Plan.Http)
        {
            output.WriteLine($"  {string.Join(',', f.Methods ?? ["ANY"]),-6} {baseUrl}/{f.Route.Template}  ({f.Name})");
        }

        foreach (var t in host.Plan.Timers)
        {
            output.WriteLine($"  timer  {t.Schedule} {host.Clock.Zone.Id}{(t.RunOnStartup ? " +runOnStartup" : "")}  ({t.Name})");
        }

        // An empty Storage__ConnectionString (as the sample has) means "not set", as it does for the app.
        output.WriteLine($"  storage: {Storage(configuration["Storage:ConnectionString"] is { Length: > 0 } own ? own : configuration["AzureWebJobsStorage"])}");

        // Which key signs new passes: what a key rotation changes (docs/operations.md, section 7).
        var keys = host.App.Services.GetRequiredService<SigningKeyRing>();
        output.WriteLine($"  signing: kid {keys.Signer.KeyId} signs; {keys.Keys.Count - 1} other key(s) verify only");
    }

    /// <summary>Where the tables are, from the connection string, never showing the account key.</summary>
    public static string Storage(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "(not configured)";
        }

        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        string? Get(string key) => parts.TryGetValue(key, out var v) ? v?.ToString() : null;
        if (string.Equals(Get("UseDevelopmentStorage"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return "Azurite / storage emulator at http://127.0.0.1:10002";
        }

        if (Get("TableEndpoint") is { } endpoint && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            return $"table endpoint {uri.GetLeftPart(UriPartial.Authority)}";
        }

        return Get("AccountName") is { } account
            ? $"account {account}, table endpoint {Get("DefaultEndpointsProtocol") ?? "https"}://{account}.table.{Get("EndpointSuffix") ?? "core.windows.net"}"
            : "(unrecognised connection string)";
    }
}
