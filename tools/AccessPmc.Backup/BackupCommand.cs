using AccessPmc.Functions.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AccessPmc.Backup;

/// <summary>
/// <c>export DIR</c> writes every table of the deployment to DIR as JSON lines; <c>import DIR</c> writes
/// them back into empty tables. Both resume where an interrupted run stopped. The storage account and
/// table prefix come from the same settings as the service (Storage__ConnectionString, else
/// AzureWebJobsStorage; Storage__TablePrefix), from the environment or <c>--env-file</c> (the systemd
/// environment file; the environment wins, as for the service's local settings).
/// Exit codes: 0 done, 2 usage or settings, 1 storage or file failure.
/// </summary>
public static class BackupCommand
{
    public const string Usage = "usage: AccessPmc.Backup export|import DIR [--env-file PATH] [--page-size N]";

    public static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?> environment, TextWriter progress, CancellationToken ct)
    {
        Arguments parsed;
        TableServiceClient service;
        string prefix;
        try
        {
            parsed = Arguments.Parse(args);
            var settings = Settings(environment, parsed.EnvFile);
            var connection = settings.GetValueOrDefault("Storage__ConnectionString") is { Length: > 0 } s ? s : settings.GetValueOrDefault(StorageOptions.HostSetting);
            prefix = settings.GetValueOrDefault("Storage__TablePrefix") ?? "";
            service = string.IsNullOrWhiteSpace(connection)
                ? throw new UsageException("set AzureWebJobsStorage (or Storage__ConnectionString), or give --env-file /etc/accesspmc/accesspmc.env.")
                : new TableServiceClient(connection);
        }
        catch (Exception e) when (e is UsageException or FormatException or ArgumentException or InvalidOperationException or IOException)
        {
            await progress.WriteLineAsync($"backup: {e.Message}");
            return 2;
        }

        var tables = new Tables(service, Options.Create(new StorageOptions { TablePrefix = prefix })).All
            .Select(t => (Logical: t.Name[prefix.Length..], Client: t)).ToList();
        try
        {
            if (parsed.Export)
            {
                BackupFile.CreateFolder(parsed.Directory);
                if (BackupFile.CompletedAt(parsed.Directory) is { } taken)
                {
                    // Resuming finishes an interrupted export; a finished one is never topped up with stale rows.
                    throw new UsageException($"{parsed.Directory} already holds a complete backup, finished {taken:u}: export into a new folder (e.g. name it with the date and time).");
                }
            }
            else if (!Directory.Exists(parsed.Directory))
            {
                throw new UsageException($"{parsed.Directory}: no such backup folder.");
            }

            foreach (var (logical, client) in tables)
            {
                var file = new BackupFile(parsed.Directory, logical);
                if (parsed.Export)
                {
                    await TableExport.RunAsync(client, file, parsed.PageSize, progress, ct);
                }
                else
                {
                    await TableImport.RunAsync(client, file, progress, ct);
                }
            }

            if (parsed.Export)
            {
                BackupFile.MarkComplete(parsed.Directory, DateTimeOffset.UtcNow);
            }

            await progress.WriteLineAsync($"backup: {(parsed.Export ? "exported" : "imported")} {tables.Count} tables ({(prefix.Length > 0 ? "prefix " + prefix : "no prefix")}) {(parsed.Export ? "to" : "from")} {Path.GetFullPath(parsed.Directory)}");
            return 0;
        }
        catch (Exception e) when (e is RequestFailedException or IOException or UnauthorizedAccessException or InvalidDataException or UsageException)
        {
            await progress.WriteLineAsync($"backup: {e.Message.ReplaceLineEndings(" ")}");
            return e is UsageException ? 2 : 1;
        }
    }

    /// <summary>The environment over the env file, as systemd would give the service (NAME=value lines, # comments).</summary>
    private static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?> environment, string? envFile)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (envFile is not null)
        {
            foreach (var line in ReadEnvFile(envFile).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] is not ('#' or ';')))
            {
                var (name, value) = line.Split('=', 2) is [var n, var v] ? (n.Trim(), v.Trim()) : throw new UsageException($"{envFile}: not NAME=value: {line.Split('=')[0]}");
                settings[name] = value is ['"', .., '"'] or ['\'', .., '\''] ? value[1..^1] : value;
            }
        }

        foreach (var (name, value) in environment)
        {
            settings[name] = value;
        }

        return settings;
    }

    /// <summary>The file's lines; a file that cannot be read is a usage error naming the option, not the runtime's bare message.</summary>
    private static string[] ReadEnvFile(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var why = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "permission denied (run it as the user that can read the file, e.g. with sudo)",
                _ => e.Message.ReplaceLineEndings(" "),
            };
            throw new UsageException($"--env-file {path}: cannot read it: {why}.");
        }
    }

    private sealed record Arguments(bool Export, string Directory, string? EnvFile, int PageSize)
    {
        public static Arguments Parse(string[] args)
        {
            if (args is not [("export" or "import") and var verb, var directory, .. var rest] || directory.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException(Usage);
            }

            var parsed = new Arguments(verb == "export", directory, null, 1000);
            for (var i = 0; i < rest.Length; i++)
            {
                string Value() => i + 1 < rest.Length ? rest[++i] : throw new UsageException($"{rest[i]} needs a value. {Usage}");
                parsed = rest[i] switch
                {
                    "--env-file" => parsed with { EnvFile = Value() },
                    "--page-size" => parsed with { PageSize = int.TryParse(Value(), out var n) && n is >= 1 and <= 1000 ? n : throw new UsageException("--page-size: 1 to 1000.") },
                    _ => throw new UsageException($"unknown argument '{rest[i]}'. {Usage}"),
                };
            }

            return parsed;
        }
    }
}

/// <summary>A mistake in the command line, settings or backup folder: exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
