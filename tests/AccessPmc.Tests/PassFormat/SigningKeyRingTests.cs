using AccessPmc.PassFormat;

namespace AccessPmc.Tests.PassFormat;

public sealed class SigningKeyRingTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "pmc-keys-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void MissingKeyOutsideDevelopmentIsAStartupErrorThatSaysWhatToSet()
    {
        var error = Assert.Throws<SettingsException>(() => SigningKeyRing.Load(new SigningOptions { DevKeyFolder = folder }, isDevelopment: false));

        Assert.Contains("Signing__Keys__0__PemFile", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void DevelopmentGeneratesAPrivateKeyOnceAndReusesIt()
    {
        var first = SigningKeyRing.Load(new SigningOptions { DevKeyFolder = folder }, isDevelopment: true);
        var second = SigningKeyRing.Load(new SigningOptions { DevKeyFolder = folder }, isDevelopment: true);

        var file = Path.Combine(folder, "signing-dev.pem");
        Assert.Equal(first.Signer.KeyId, second.Signer.KeyId);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void SeveralKeysNeedExactlyOneActive()
    {
        var keys = new SigningOptions { Keys = [new() { Pem = SigningKey.Generate().ExportPrivatePem() }, new() { Pem = SigningKey.Generate().ExportPrivatePem() }] };

        Assert.Throws<SettingsException>(() => SigningKeyRing.Load(keys, isDevelopment: false));
        keys.Keys[1].Active = true;
        var ring = SigningKeyRing.Load(keys, isDevelopment: false);
        Assert.Equal(2, ring.Keys.Count);
        Assert.Same(ring.Keys[1], ring.Signer);
    }

    [Fact]
    public void RetiredKeyMayBePublicOnlyButTheSignerMayNot()
    {
        var retired = SigningKey.Generate();
        var keys = new SigningOptions { Keys = [new() { Pem = retired.ExportPublicPem() }, new() { Pem = SigningKey.Generate().ExportPrivatePem(), Active = true }] };

        var ring = SigningKeyRing.Load(keys, isDevelopment: false);

        Assert.True(ring.TryGet(retired.Kid, out var found) && !found.CanSign);
        keys.Keys[0].Active = true;
        keys.Keys[1].Active = false;
        Assert.Throws<SettingsException>(() => SigningKeyRing.Load(keys, isDevelopment: false));
    }

    [Fact]
    public void KeyOnAnotherCurveIsRefused()
    {
        using var p384 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);

        Assert.Throws<InvalidOperationException>(() => SigningKey.FromPem(p384.ExportPkcs8PrivateKeyPem()));
    }
}
