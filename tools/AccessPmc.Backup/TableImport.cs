using System.Globalization;
using Azure.Data.Tables;

namespace AccessPmc.Backup;

/// <summary>
/// Writes a complete export back, in entity-group transactions (up to 100 rows of one partition) of
/// upserts, so replaying a batch after a crash changes nothing. A fresh import refuses a table that
/// already holds rows: a restore adds rows, it does not delete the ones it finds.
/// </summary>
public static class TableImport
{
    private const int MaxBatch = 100;

    public static async Task RunAsync(TableClient table, BackupFile file, TextWriter progress, CancellationToken ct)
    {
        if (file.ReadExport() is not { Complete: true } export)
        {
            throw new UsageException($"{file.DataPath}: the export of {file.Table} is incomplete or missing; run the export again to finish it.");
        }

        var target = $"{table.AccountName}.{table.Name}";
        var state = file.ReadImport(target);
        await table.CreateIfNotExistsAsync(ct);
        var hasRows = await HasRowsAsync(table, ct);
        if (state is { Lines: > 0 } && !hasRows)
        {
            // The state file records an import into a table of this name that is empty now: other storage (a
            // restore drill, a new VM) or a wiped table. Saying "already imported" would restore nothing.
            await progress.WriteLineAsync($"  {file.Table}: {table.Name} is empty although an earlier import into that name was recorded; importing again");
            state = null;
        }

        if (state is { Complete: true })
        {
            await progress.WriteLineAsync($"  {file.Table}: already imported into {table.Name}");
            return;
        }

        if (state is null && hasRows)
        {
            throw new UsageException($"table {table.Name} is not empty: restore into empty tables (delete them first, or set another Storage__TablePrefix).");
        }

        state ??= new ImportState(0, false);
        var batch = new List<TableTransactionAction>(MaxBatch);
        var number = 0L;
        foreach (var line in File.ReadLines(file.DataPath))
        {
            number++;
            if (number <= state.Lines)
            {
                continue;
            }

            var entity = EntityJson.Read(line, number);
            if (batch.Count == MaxBatch || (batch.Count > 0 && batch[0].Entity.PartitionKey != entity.PartitionKey))
            {
                state = await SubmitAsync(table, file, target, batch, state, progress, ct);
            }

            batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
        }

        if (batch.Count > 0)
        {
            state = await SubmitAsync(table, file, target, batch, state, progress, ct);
        }

        if (state.Lines != export.Rows)
        {
            throw new InvalidDataException($"{file.DataPath}: {state.Lines} lines, but the export recorded {export.Rows} rows.");
        }

        file.WriteImport(target, state with { Complete = true });
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {file.Table}: {state.Lines:N0} rows, imported into {table.Name}"));
    }

    private static async Task<ImportState> SubmitAsync(TableClient table, BackupFile file, string target, List<TableTransactionAction> batch, ImportState state, TextWriter progress, CancellationToken ct)
    {
        await table.SubmitTransactionAsync(batch, ct);
        var next = state with { Lines = state.Lines + batch.Count };
        file.WriteImport(target, next);
        if (next.Lines / 1000 != state.Lines / 1000)
        {
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {file.Table}: {next.Lines:N0} rows"));
        }

        batch.Clear();
        return next;
    }

    private static async Task<bool> HasRowsAsync(TableClient table, CancellationToken ct)
    {
        await foreach (var page in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: ct).AsPages())
        {
            if (page.Values.Count > 0)
            {
                return true;
            }
        }

        return false;
    }
}
