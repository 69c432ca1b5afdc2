using System.Buffers.Binary;
using System.Collections.Frozen;

namespace AccessPmc.PassFormat;

/// <summary>The keys the service signs and verifies with, looked up by <c>kid</c>.</summary>
public sealed class SigningKeyRing
{
    private readonly FrozenDictionary<uint, SigningKey> byKid;

    public SigningKeyRing(IReadOnlyList<SigningKey> keys, SigningKey signer)
    {
        if (!signer.CanSign)
        {
            throw new InvalidOperationException("The active signing key has no private part.");
        }

        Keys = keys;
        Signer = signer;
        byKid = keys.ToFrozenDictionary(k => k.KidValue);
    }

    public SigningKey Signer { get; }

    public IReadOnlyList<SigningKey> Keys { get; }

    public bool TryGet(ReadOnlySpan<byte> kid, out SigningKey key)
    {
        key = null!;
        return kid.Length == SigningKey.KidLength
            && byKid.TryGetValue(BinaryPrimitives.ReadUInt32BigEndian(kid), out key!);
    }

    /// <summary>
    /// The configured keys; in Development with none configured, a key generated once into
    /// <see cref="SigningOptions.DevKeyFolder"/> (<paramref name="generated"/> is told its id and path).
    /// </summary>
    /// <exception cref="InvalidOperationException">No key outside Development, not exactly one active key, or an unreadable key.</exception>
    public static SigningKeyRing Load(SigningOptions options, bool isDevelopment, Action<SigningKey, string>? generated = null)
    {
        if (options.Keys.Count == 0)
        {
            if (!isDevelopment)
            {
                throw new InvalidOperationException(
                    "No signing key configured: set Signing__Keys__0__PemFile (or __Pem) to an EC P-256 private key. " +
                    "A key is generated automatically only in Development.");
            }

            var dev = LoadOrCreateDevKey(options.DevKeyFolder, generated);
            return new SigningKeyRing([dev], dev);
        }

        var keys = options.Keys.Select(Read).ToList();
        var active = options.Keys.Count == 1
            ? [0]
            : options.Keys.Select((k, i) => (k, i)).Where(p => p.k.Active).Select(p => p.i).ToList();
        if (active.Count != 1)
        {
            throw new InvalidOperationException(
                $"Exactly one signing key must have Active=true; found {active.Count} among {keys.Count}.");
        }

        return new SigningKeyRing(keys, keys[active[0]]);
    }

    private static SigningKey Read(SigningKeyOptions key, int index)
    {
        var pem = key.Pem ?? (key.PemFile is { } path ? File.ReadAllText(path) : null)
            ?? throw new InvalidOperationException($"Signing key {index} has neither Pem nor PemFile.");
        return SigningKey.FromPem(pem);
    }

    private static SigningKey LoadOrCreateDevKey(string folder, Action<SigningKey, string>? generated)
    {
        var path = Path.GetFullPath(Path.Combine(folder, "signing-dev.pem"));
        if (File.Exists(path))
        {
            return SigningKey.FromPem(File.ReadAllText(path));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = SigningKey.Generate();
        File.WriteAllText(path, key.ExportPrivatePem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        generated?.Invoke(key, path);
        return key;
    }
}
