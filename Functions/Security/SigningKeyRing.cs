using System.Buffers.Binary;
using System.Collections.Frozen;
using Microsoft.Extensions.Logging;

namespace AccessPmc.Functions.Security;

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

    public static SigningKeyRing Load(SigningOptions options, bool isDevelopment, ILogger logger)
    {
        if (options.Keys.Count == 0)
        {
            if (!isDevelopment)
            {
                throw new InvalidOperationException(
                    "No signing key configured: set Signing__Keys__0__PemFile (or __Pem) to an EC P-256 private key. " +
                    "A key is generated automatically only in Development.");
            }

            var dev = LoadOrCreateDevKey(options.DevKeyFolder, logger);
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

    private static SigningKey LoadOrCreateDevKey(string folder, ILogger logger)
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

        logger.LogWarning("Development: generated signing key {KeyId} at {Path}; configure Signing__Keys for production", key.KeyId, path);
        return key;
    }
}
