using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace AccessPmc.Functions.Web;

/// <summary>One file of a web app: its bytes, media type, strong ETag (content hash) and whether its name is content-hashed.</summary>
public sealed record WebAsset(byte[] Content, string ContentType, EntityTagHeaderValue ETag, bool Immutable);

/// <summary>
/// The web apps built by <c>web/build.mjs</c> and embedded in this assembly by the <c>WebApps</c> MSBuild
/// target, as resources named <c>web/{app}/{path}</c>. Loaded once, at the first page request; an assembly
/// built without them (impossible through the target, which fails without <c>npm ci</c>) throws then.
/// </summary>
public sealed class WebAssets
{
    private static readonly FrozenDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".wasm"] = "application/wasm",
        [".webmanifest"] = "application/manifest+json",
        [".svg"] = "image/svg+xml",
        [".json"] = "application/json",
        [".txt"] = "text/plain; charset=utf-8",
        [".png"] = "image/png",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, WebAsset> files;

    private WebAssets(FrozenDictionary<string, WebAsset> files) => this.files = files;

    /// <summary>Every <c>web/…</c> resource of <paramref name="assembly"/>; throws when there is none (web build missing).</summary>
    public static WebAssets FromAssembly(Assembly assembly)
    {
        var files = new Dictionary<string, WebAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("web/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            var path = name["web/".Length..];
            files[path] = new WebAsset(
                content,
                Types.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream"),
                new EntityTagHeaderValue($"\"{Convert.ToBase64String(SHA256.HashData(content)[..18]).Replace('+', '-').Replace('/', '_')}\""),
                path.Contains("/assets/", StringComparison.Ordinal));
        }

        return files.Count > 0
            ? new WebAssets(files.ToFrozenDictionary(StringComparer.Ordinal))
            : throw new InvalidOperationException("The web apps are not embedded: build with Node.js and run 'npm ci' first (see README).");
    }

    /// <summary>The file at <paramref name="path"/> (case-sensitive, as URLs are) of <paramref name="app"/>, or null.</summary>
    public WebAsset? Find(string app, string path) => files.GetValueOrDefault($"{app}/{path}");

    /// <summary>The paths of an app's files, for tests and diagnostics.</summary>
    public IEnumerable<string> PathsOf(string app) =>
        files.Keys.Where(k => k.StartsWith(app + "/", StringComparison.Ordinal)).Select(k => k[(app.Length + 1)..]);
}
