using System.Text.Json;

namespace AccessPmc.SelfHost.Settings;

/// <summary>The one host.json setting SelfHost honours: extensions.http.routePrefix (default "api", empty allowed).</summary>
public static class HostJson
{
    public const string DefaultRoutePrefix = "api";

    public static string RoutePrefix(string path)
    {
        if (!File.Exists(path))
        {
            return DefaultRoutePrefix;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return doc.RootElement.TryGetProperty("extensions", out var ext)
                && ext.TryGetProperty("http", out var http)
                && http.TryGetProperty("routePrefix", out var prefix)
                && prefix.ValueKind == JsonValueKind.String
                ? prefix.GetString()!
                : DefaultRoutePrefix;
        }
        catch (JsonException e)
        {
            throw new SelfHostStartupException($"{path}: not valid JSON ({e.Message})");
        }
    }
}
