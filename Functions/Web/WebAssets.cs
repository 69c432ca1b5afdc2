using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace AccessPmc.Functions.Web;

/// <summary>
/// One file of a web app: its bytes, media type, strong ETag (content hash), whether its name is content-hashed,
/// and its pre-compressed copies in order of preference (brotli first), empty when compression would not pay.
/// </summary>
public sealed record WebAsset(byte[] Content, string ContentType, EntityTagHeaderValue ETag, bool Immutable, IReadOnlyList<EncodedWebAsset> Encodings);

/// <summary>
/// A pre-compressed copy of a <see cref="WebAsset"/>: its content coding (<c>br</c>, RFC 7932; <c>gzip</c>,
/// RFC 1952), its bytes, and its own strong ETag, as each representation needs one (RFC 9110 §8.8.3).
/// </summary>
public sealed record EncodedWebAsset(string Coding, byte[] Content, EntityTagHeaderValue ETag);

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

    // The build's file suffixes of pre-compressed copies (web/build.mjs) and their content codings, preferred first.
    private static readonly (string Suffix, string Coding)[] Codings = [(".br", "br"), (".gz", "gzip")];

    private readonly FrozenDictionary<string, WebAsset> files;

    private WebAssets(FrozenDictionary<string, WebAsset> files) => this.files = files;

    /// <summary>Every <c>web/…</c> resource of <paramref name="assembly"/>; throws when there is none (web build missing).</summary>
    public static WebAssets FromAssembly(Assembly assembly)
    {
        var resources = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("web/", StringComparison.Ordinal))
            .ToDictionary(n => n["web/".Length..], n => Read(assembly, n), StringComparer.Ordinal);
        var files = resources
            .Where(r => !Codings.Any(c => r.Key.EndsWith(c.Suffix, StringComparison.Ordinal) && resources.ContainsKey(r.Key[..^c.Suffix.Length])))
            .ToDictionary(r => r.Key, r => Asset(r.Key, r.Value, resources), StringComparer.Ordinal);

        return files.Count > 0
            ? new WebAssets(files.ToFrozenDictionary(StringComparer.Ordinal))
            : throw new InvalidOperationException("The web apps are not embedded: build with Node.js and run 'npm ci' first (see README).");
    }

    private static WebAsset Asset(string path, byte[] content, Dictionary<string, byte[]> resources)
    {
        var tag = Tag(content);
        var encodings = Codings
            .Where(c => resources.ContainsKey(path + c.Suffix))
            .Select(c => new EncodedWebAsset(c.Coding, resources[path + c.Suffix], new EntityTagHeaderValue($"\"{tag}.{c.Coding}\"")))
            .ToList();
        return new WebAsset(
            content,
            Types.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream"),
            new EntityTagHeaderValue($"\"{tag}\""),
            path.Contains("/assets/", StringComparison.Ordinal),
            encodings);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Tag(byte[] content) =>
        Convert.ToBase64String(SHA256.HashData(content)[..18]).Replace('+', '-').Replace('/', '_');

    /// <summary>The file at <paramref name="path"/> (case-sensitive, as URLs are) of <paramref name="app"/>, or null.</summary>
    public WebAsset? Find(string app, string path) => files.GetValueOrDefault($"{app}/{path}");

    /// <summary>The paths of an app's files, for tests and diagnostics.</summary>
    public IEnumerable<string> PathsOf(string app) =>
        files.Keys.Where(k => k.StartsWith(app + "/", StringComparison.Ordinal)).Select(k => k[(app.Length + 1)..]);
}
