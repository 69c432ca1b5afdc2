using System.Text.Json;

namespace AccessPmc.SelfHost.Settings;

/// <summary>
/// local.settings.json read the way Core Tools reads it: each <c>Values</c> entry applies only when no
/// environment variable of that name is set, so the environment always wins; Host.LocalHttpPort is the port.
/// </summary>
public sealed record LocalSettings(string Path, IReadOnlyDictionary<string, string> Values, int? LocalHttpPort)
{
    public const string FileName = "local.settings.json";

    public static LocalSettings Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SelfHostStartupException($"Settings file not found: {path}");
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = doc.RootElement;
            if (root.TryGetProperty("IsEncrypted", out var encrypted) && encrypted.ValueKind == JsonValueKind.True)
            {
                throw new SelfHostStartupException($"{path}: encrypted settings are not supported; decrypt them with 'func settings decrypt'.");
            }

            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("Values", out var v) && v.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in v.EnumerateObject())
                {
                    values[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
                }
            }

            int? port = root.TryGetProperty("Host", out var host) && host.TryGetProperty("LocalHttpPort", out var p2) && p2.TryGetInt32(out var n) ? n : null;
            return new LocalSettings(path, values, port);
        }
        catch (JsonException e)
        {
            throw new SelfHostStartupException($"{path}: not valid JSON ({e.Message})");
        }
    }

    /// <summary>Configuration entries for the values the environment does not already set ("__" becomes ":").</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToConfiguration() =>
        Values.Where(kv => Environment.GetEnvironmentVariable(kv.Key) is null)
            .Select(kv => new KeyValuePair<string, string?>(kv.Key.Replace("__", ":", StringComparison.Ordinal), kv.Value));

    /// <summary>The current directory first, then Functions/ of the repository SelfHost runs from.</summary>
    public static string? Find()
    {
        var here = System.IO.Path.Combine(Directory.GetCurrentDirectory(), FileName);
        if (File.Exists(here))
        {
            return here;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "AccessPmc.sln")))
                {
                    var candidate = System.IO.Path.Combine(dir.FullName, "Functions", FileName);
                    return File.Exists(candidate) ? candidate : null;
                }
            }
        }

        return null;
    }
}
