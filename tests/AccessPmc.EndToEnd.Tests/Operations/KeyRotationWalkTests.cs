using AccessPmc.Contracts;
using AccessPmc.EndToEnd.Tests.Infrastructure;
using AccessPmc.PassFormat;

namespace AccessPmc.EndToEnd.Tests.Operations;

/// <summary>
/// docs/operations.md, "Rotating the signing key", walked against the running service: one restart per
/// stage over the same tables, the settings exactly as the operator changes them, and offline scanners
/// that hold whatever JWK set they last synced.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class KeyRotationWalkTests(AzuriteFixture azurite)
{
    private static readonly SigningKey Old = SigningKey.Generate();
    private static readonly SigningKey New = SigningKey.Generate();

    private readonly string prefix = "rot" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task StagedRotationNeverShowsUnknownKeyToAScannerThatSyncedOnSchedule()
    {
        // Before: the old key signs. Every scanner has synced this set.
        OfflineScanner laggard;
        PassResponse oldPass;
        await using (var host = await StartAsync(("Pem", Old.ExportPrivatePem(), true)))
        {
            oldPass = await IssueAsync(host);
            laggard = new OfflineScanner(await host.Scanner.GetKeysAsync());
        }

        // Stage 1, publish: the new key is added verify-only; the old one still signs. Scanners sync.
        OfflineScanner synced;
        await using (var host = await StartAsync(("Pem", Old.ExportPrivatePem(), true), ("Pem", New.ExportPrivatePem(), false)))
        {
            var keys = await host.Scanner.GetKeysAsync();
            synced = new OfflineScanner(keys);
            Assert.Equal(new[] { Old.KeyId, New.KeyId }.Order(), keys.Keys.Select(k => k.Kid).Order());
            Assert.Equal(Old.KeyId, OfflineScanner.KidOf((await IssueAsync(host)).Code));
        }

        // Stage 2, switch (after the scanners' maximum staleness): the new key signs, the old one verifies.
        PassResponse newPass;
        await using (var host = await StartAsync(("Pem", Old.ExportPrivatePem(), false), ("Pem", New.ExportPrivatePem(), true)))
        {
            newPass = await IssueAsync(host);
            Assert.Equal(New.KeyId, OfflineScanner.KidOf(newPass.Code));
            Assert.Equal(VerifyResults.Valid, (await host.Scanner.VerifyAsync(oldPass.Code, "PMC")).Result);
        }

        Assert.Equal(VerifyResults.Valid, synced.Check(newPass.Code));
        Assert.Equal(VerifyResults.Valid, synced.Check(oldPass.Code));

        // What stage 1 prevents: a scanner whose set predates the publication does not know the new key.
        Assert.Equal(VerifyReasons.UnknownKey, laggard.Check(newPass.Code));

        // Stage 3, retire: the old key stays as its public key only, until the last pass it signed expires.
        await using (var host = await StartAsync(("Pem", Old.ExportPublicPem(), false), ("Pem", New.ExportPrivatePem(), true)))
        {
            var keys = await host.Scanner.GetKeysAsync();
            Assert.Contains(keys.Keys, k => k.Kid == Old.KeyId);
            Assert.Equal(VerifyResults.Valid, (await host.Scanner.VerifyAsync(oldPass.Code, "PMC")).Result);
            Assert.Equal(VerifyResults.Valid, (await host.Scanner.VerifyAsync(newPass.Code, "PMC")).Result);
            Assert.Equal(New.KeyId, OfflineScanner.KidOf((await IssueAsync(host)).Code));
            Assert.Equal(VerifyResults.Valid, new OfflineScanner(keys).Check(oldPass.Code));
        }

        // Stage 4, remove (after the old key's last pass expired): its codes are unknown_key, online too.
        await using (var host = await StartAsync(("Pem", New.ExportPrivatePem(), true)))
        {
            Assert.Equal(VerifyReasons.UnknownKey, (await host.Scanner.VerifyAsync(oldPass.Code, "PMC")).Reason);
            Assert.Equal(VerifyResults.Valid, (await host.Scanner.VerifyAsync(newPass.Code, "PMC")).Result);
        }
    }

    [Fact]
    public async Task RetiredKeyGivenAsAFileOfItsPublicKeyVerifies()
    {
        var folder = Directory.CreateTempSubdirectory("pmc-rot-");
        var retired = Path.Combine(folder.FullName, "signing-old.pub.pem");
        await File.WriteAllTextAsync(retired, Old.ExportPublicPem());
        PassResponse oldPass;
        await using (var host = await StartAsync(("Pem", Old.ExportPrivatePem(), true)))
        {
            oldPass = await IssueAsync(host);
        }

        await using (var host = await StartAsync(("PemFile", retired, false), ("Pem", New.ExportPrivatePem(), true)))
        {
            Assert.Equal(VerifyResults.Valid, (await host.Scanner.VerifyAsync(oldPass.Code, "PMC")).Result);
        }

        folder.Delete(recursive: true);
    }

    /// <summary>SelfHost over this test's tables with exactly these keys, as Signing__Keys__N__{Pem|PemFile} and __Active.</summary>
    private Task<RunningHost> StartAsync(params (string Kind, string Value, bool Active)[] keys)
    {
        var settings = RunningHost.Settings(azurite.ConnectionString);
        settings.Remove("Signing:Keys:0:Pem");
        settings["Storage:TablePrefix"] = prefix;
        for (var i = 0; i < keys.Length; i++)
        {
            settings[$"Signing:Keys:{i}:{keys[i].Kind}"] = keys[i].Value;
            settings[$"Signing:Keys:{i}:Active"] = keys[i].Active ? "true" : "false";
        }

        return RunningHost.StartAsync(azurite, replace: settings);
    }

    private static Task<PassResponse> IssueAsync(RunningHost host) =>
        host.Issuer.IssuePassAsync(new IssuePassRequest("Ada", "Lovelace", PassKinds.Temporary, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1), ["PMC"]));
}
