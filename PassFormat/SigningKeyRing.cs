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
    /// Entries whose <c>Pem</c> and <c>PemFile</c> are both empty count as "no key" only when every entry
    /// is empty (the development sample lists the settings with empty values).
    /// </summary>
    /// <exception cref="SettingsException">No key outside Development, not exactly one active key, an unreadable
    /// or non-P-256 key, a public-only active key, the same key twice: the message names the setting.</exception>
    public static SigningKeyRing Load(SigningOptions options, bool isDevelopment, Action<SigningKey, string>? generated = null)
    {
        if (options.Keys.TrueForAll(IsBlank))
        {
            if (!isDevelopment)
            {
                throw new SettingsException(Setting(0, "PemFile"),
                    "no signing key configured; set it to an EC P-256 private key file (PKCS#8 PEM), or __Pem to the PEM text. " +
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
            throw new SettingsException(Setting(active.Count == 0 ? 0 : active[1], "Active"),
                $"exactly one signing key must have Active=true; found {active.Count} among {keys.Count}" +
                (active.Count == 0 ? "." : $" ({string.Join(", ", active.Select(i => Setting(i, "Active")))})."));
        }

        if (!keys[active[0]].CanSign)
        {
            throw new SettingsException(Setting(active[0], "Active"),
                "the active key is a public key: it can only verify. Give the active key's private PEM.");
        }

        var twice = keys.Select((k, i) => (k.KeyId, i)).GroupBy(p => p.KeyId).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new SettingsException(Setting(twice.ElementAt(1).i, "Pem"),
                $"the same key (kid {twice.Key}) is configured twice, also as entry {twice.First().i}.");
        }

        return new SigningKeyRing(keys, keys[active[0]]);
    }

    /// <summary>The environment-variable name of a key setting, e.g. <c>Signing__Keys__1__PemFile</c>.</summary>
    public static string Setting(int index, string name) => $"{SigningOptions.Section}__Keys__{index}__{name}";

    private static bool IsBlank(SigningKeyOptions key) => string.IsNullOrWhiteSpace(key.Pem) && string.IsNullOrWhiteSpace(key.PemFile);

    private static SigningKey Read(SigningKeyOptions key, int index)
    {
        if (IsBlank(key))
        {
            throw new SettingsException(Setting(index, "PemFile"), "this key has neither PemFile nor Pem.");
        }

        if (!string.IsNullOrWhiteSpace(key.Pem) && !string.IsNullOrWhiteSpace(key.PemFile))
        {
            throw new SettingsException(Setting(index, "Pem"), $"give Pem or PemFile, not both ({Setting(index, "PemFile")} is set too).");
        }

        var (setting, pem) = string.IsNullOrWhiteSpace(key.Pem) ? (Setting(index, "PemFile"), ReadFile(key.PemFile!, index)) : (Setting(index, "Pem"), key.Pem);
        try
        {
            return SigningKey.FromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.Security.Cryptography.CryptographicException)
        {
            var what = setting.EndsWith("PemFile", StringComparison.Ordinal) ? key.PemFile + " is" : "the value is";
            throw new SettingsException(setting, $"{what} not an EC P-256 key in PEM ({e.Message.ReplaceLineEndings(" ")})", e);
        }
    }

    private static string ReadFile(string path, int index)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var why = e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message.ReplaceLineEndings(" ");
            throw new SettingsException(Setting(index, "PemFile"), $"cannot read {path}: {why}.", e);
        }
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
