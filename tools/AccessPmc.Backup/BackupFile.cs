using System.Text.Json;

namespace AccessPmc.Backup;

/// <summary>
/// One table in the backup folder: <c>Passes.jsonl</c> (the rows) and <c>Passes.export.json</c> (how far
/// the export got: the continuation token, rows and bytes written, complete or not). An import keeps its
/// own progress per target table (<c>Passes.import.ACCOUNT.TABLE.json</c>), so one backup can be restored
/// into several places. State files are replaced atomically after the data they describe is on disk.
/// </summary>
public sealed class BackupFile(string directory, string table)
{
    /// <summary>A backup holds names and pass codes: files for the owner only, whatever the umask.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the backup folder for its owner only (an existing folder keeps its mode).</summary>
    public static void CreateFolder(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }

        Directory.CreateDirectory(directory, OwnerOnly | UnixFileMode.UserExecute);
    }

    /// <summary>Opens (or creates, owner-only) a file of the backup for writing.</summary>
    public static FileStream OpenForWrite(string path, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return new FileStream(path, options);
    }

    /// <summary>When the export into <paramref name="directory"/> finished (<c>backup.json</c>), or null while none has.</summary>
    public static DateTimeOffset? CompletedAt(string directory) => Read<BackupState>(Path.Combine(directory, "backup.json"))?.CompletedAt;

    /// <summary>Records that every table was exported: the folder is a finished backup from now on.</summary>
    public static void MarkComplete(string directory, DateTimeOffset at) => Write(Path.Combine(directory, "backup.json"), new BackupState(at));

    public string Table { get; } = table;

    public string DataPath { get; } = Path.Combine(directory, table + ".jsonl");

    private string ExportStatePath => Path.Combine(directory, Table + ".export.json");

    public ExportState? ReadExport() => Read<ExportState>(ExportStatePath);

    public void WriteExport(ExportState state) => Write(ExportStatePath, state);

    public ImportState? ReadImport(string target) => Read<ImportState>(ImportStatePath(target));

    public void WriteImport(string target, ImportState state) => Write(ImportStatePath(target), state);

    private string ImportStatePath(string target) => Path.Combine(directory, $"{Table}.import.{target}.json");

    private static T? Read<T>(string path) => File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path)) : default;

    private static void Write<T>(string path, T state)
    {
        var temporary = path + ".tmp";
        using (var file = OpenForWrite(temporary, FileMode.Create))
        {
            JsonSerializer.Serialize(file, state);
        }

        File.Move(temporary, path, overwrite: true);
    }
}

/// <param name="Continuation">Where the next page starts (null once complete).</param>
/// <param name="Bytes">Length of the .jsonl file that holds exactly <paramref name="Rows"/> rows.</param>
/// <summary>The folder as a whole: every table exported, at <see cref="CompletedAt"/>.</summary>
public sealed record BackupState(DateTimeOffset CompletedAt);

public sealed record ExportState(string? Continuation, long Rows, long Bytes, bool Complete);

/// <param name="Lines">Lines of the .jsonl file already written to the target table.</param>
public sealed record ImportState(long Lines, bool Complete);
