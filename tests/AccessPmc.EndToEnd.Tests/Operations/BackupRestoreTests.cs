using System.Globalization;
using AccessPmc.Backup;
using AccessPmc.Contracts;
using AccessPmc.EndToEnd.Tests.Infrastructure;
using AccessPmc.Functions.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AccessPmc.EndToEnd.Tests.Operations;

/// <summary>
/// docs/operations.md, "Backups": the project's backup command against a deployment's tables, the
/// tables wiped, the restore, then the service started again over them.
/// </summary>
[Collection(AzuriteCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BackupRestoreTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string prefix = "bak" + Guid.NewGuid().ToString("N")[..8];
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("pmc-backup-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task BackupWipeAndRestoreGiveBackPassesAndClientsTypeForType()
    {
        PassResponse kept, revoked;
        ClientWithKey gate;
        var ada = Pass("Ada");
        await using (var host = await StartAsync())
        {
            kept = await host.Issuer.IssuePassAsync(ada, idempotencyKey: "row-1");
            revoked = await host.Issuer.IssuePassAsync(Pass("Alan"));
            await host.Issuer.RevokePassAsync(revoked.Id, "left the lab");
            gate = await host.Admin.CreateClientAsync(new CreateClientRequest("gate-pmc", Roles.Scanner, [], ["PMC"]));
            Assert.Equal(VerifyResults.Valid, (await host.Client(gate.ApiKey).VerifyAsync(kept.Code, "PMC")).Result);
        }

        var before = await SnapshotAsync();
        Assert.Equal(0, await BackupAsync("export", "--page-size", "2"));
        await WipeAsync();
        Assert.Equal(0, await BackupAsync("import"));
        var after = await SnapshotAsync();

        Assert.Contains(before, t => t.Key.EndsWith("ApiClients", StringComparison.Ordinal) && t.Value.Any(e => e.Contains("KeyHash=Binary:", StringComparison.Ordinal)));
        Assert.Contains(before, t => t.Key.EndsWith("ScanEvents", StringComparison.Ordinal) && t.Value.Count > 0);
        Assert.Equal(before, after);
        Assert.All(folder.EnumerateFiles(), f => Assert.Equal(BackupFile.OwnerOnly, f.UnixFileMode));
        await using (var host = await StartAsync())
        {
            Assert.Equal(VerifyResults.Valid, (await host.Client(gate.ApiKey).VerifyAsync(kept.Code, "PMC")).Result);
            Assert.Equal(VerifyReasons.Revoked, (await host.Scanner.VerifyAsync(revoked.Code, "PMC")).Reason);
            Assert.Equal(kept.Id, (await host.Issuer.IssuePassAsync(ada, idempotencyKey: "row-1")).Id);
            Assert.Equal(2, (await host.Issuer.ListPassesAsync("PHYS")).Items.Count);
        }
    }

    [Fact]
    public async Task InterruptedExportAndImportResumeWithoutDuplicatesAndKeepEveryType()
    {
        var passes = Tables().Passes;
        await passes.CreateIfNotExistsAsync();
        for (var i = 0; i < 7; i++)
        {
            await passes.AddEntityAsync(new TableEntity(i < 4 ? "a" : "b", $"row{i}")
            {
                ["Text"] = "é\"\n",
                ["Bytes"] = new byte[] { 0, 255, (byte)i },
                ["At"] = new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero).AddTicks(1234567 + i),
                ["Big"] = long.MaxValue - i,
                ["Small"] = -i,
                ["Ratio"] = i == 0 ? double.NaN : 1.0 / (i + 2),
                ["Flag"] = i % 2 == 0,
                ["Id"] = Guid.NewGuid(),
            });
        }

        var before = await SnapshotAsync();
        using var stop = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BackupAsync(["export"], new StopAfter(2, " rows", stop), stop.Token, "--page-size", "2"));
        Assert.Equal(0, await BackupAsync("export", "--page-size", "2"));
        var data = Path.Combine(folder.FullName, "Passes.jsonl");
        Assert.Equal(7, File.ReadLines(data).Distinct().Count());
        Assert.Equal(7, File.ReadLines(data).Count());

        // An import that stops half way (here: a damaged line 6), repaired and run again, resumes.
        await WipeAsync();
        var lines = await File.ReadAllLinesAsync(data);
        await File.WriteAllLinesAsync(data, [.. lines[..5], "{ damaged", .. lines[6..]]);
        Assert.Equal(1, await BackupAsync("import"));
        await File.WriteAllLinesAsync(data, lines);
        Assert.Equal(0, await BackupAsync("import"));

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task ImportRefusesTablesThatAlreadyHoldRows()
    {
        Assert.Equal(0, await BackupAsync("export"));
        var passes = Tables().Passes;
        await passes.AddEntityAsync(new TableEntity("a", "stray"));

        var output = new StringWriter();
        Assert.Equal(2, await BackupAsync(["import"], output, CancellationToken.None));
        Assert.Contains($"table {passes.Name} is not empty", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFinishedBackupIsNeverToppedUpWithAnotherExport()
    {
        Assert.Equal(0, await BackupAsync("export"));

        var output = new StringWriter();
        Assert.Equal(2, await BackupAsync(["export"], output, CancellationToken.None));
        Assert.Contains("already holds a complete backup", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARestoreDrillDoesNotSpoilTheBackupForTheRealRestore()
    {
        await using (var host = await StartAsync())
        {
            await host.Issuer.IssuePassAsync(Pass("Ada"));
        }

        var before = await SnapshotAsync();
        Assert.Equal(0, await BackupAsync("export"));
        await WipeAsync();
        Assert.Equal(0, await BackupAsync("import"));      // the drill
        await WipeAsync();                                  // a new, empty storage of the same names
        var output = new StringWriter();
        Assert.Equal(0, await BackupAsync(["import"], output, CancellationToken.None));  // the real restore

        Assert.Equal(before, await SnapshotAsync());
        Assert.Contains("importing again", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEnvFileThatCannotBeReadIsAUsageErrorNamingTheOption()
    {
        var output = new StringWriter();

        Assert.Equal(2, await BackupAsync(["export"], output, CancellationToken.None, "--env-file", "/nonexistent/accesspmc.env"));
        Assert.Equal("backup: --env-file /nonexistent/accesspmc.env: cannot read it: no such file.\n", output.ToString().ReplaceLineEndings("\n"));
    }

    private Task<RunningHost> StartAsync()
    {
        var settings = RunningHost.Settings(azurite.ConnectionString);
        settings["Storage:TablePrefix"] = prefix;
        return RunningHost.StartAsync(azurite, replace: settings);
    }

    private Task<int> BackupAsync(params string[] args) => BackupAsync(args, TextWriter.Null, CancellationToken.None);

    private Task<int> BackupAsync(string[] verb, TextWriter progress, CancellationToken ct, params string[] options) =>
        BackupCommand.RunAsync([verb[0], folder.FullName, .. verb[1..], .. options],
            new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString, ["Storage__TablePrefix"] = prefix }, progress, ct);

    private Tables Tables() => new(new TableServiceClient(azurite.ConnectionString), Options.Create(new StorageOptions { TablePrefix = prefix }));

    private async Task WipeAsync()
    {
        foreach (var table in Tables().All)
        {
            await table.DeleteAsync();
        }
    }

    /// <summary>Every row of every table as "PK/RK Name=Type:value …": types and values, not only values.</summary>
    private async Task<SortedDictionary<string, List<string>>> SnapshotAsync()
    {
        var snapshot = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in Tables().All)
        {
            await table.CreateIfNotExistsAsync();
            snapshot[table.Name] = await table.QueryAsync<TableEntity>().Select(Describe).ToListAsync();
        }

        return snapshot;
    }

    private static string Describe(TableEntity e) =>
        $"{e.PartitionKey}/{e.RowKey} " + string.Join(' ', e.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value switch
            {
                byte[] b => "Binary:" + Convert.ToBase64String(b),
                BinaryData b => "Binary:" + Convert.ToBase64String(b.ToArray()),
                DateTimeOffset d => "DateTimeOffset:" + d.UtcTicks.ToString(CultureInfo.InvariantCulture),
                double d => "Double:" + d.ToString("R", CultureInfo.InvariantCulture),
                var v => $"{v?.GetType().Name}:{Convert.ToString(v, CultureInfo.InvariantCulture)}",
            }}"));

    private static IssuePassRequest Pass(string given) =>
        new(given, "Lovelace", PassKinds.Temporary, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1), ["PMC"]);

    /// <summary>Cancels once the Nth line containing <paramref name="marker"/> is written: an export stopped half way.</summary>
    private sealed class StopAfter(int lines, string marker, CancellationTokenSource stop) : StringWriter
    {
        private int seen;

        public override Task WriteLineAsync(string? value)
        {
            if (value?.Contains(marker, StringComparison.Ordinal) == true && ++seen == lines)
            {
                stop.Cancel();
            }

            return Task.CompletedTask;
        }
    }
}
