using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;

namespace AccessPmc.Backup;

/// <summary>Writes a table page by page; after each page the rows are flushed to disk, then the checkpoint.</summary>
public static class TableExport
{
    public static async Task RunAsync(TableClient table, BackupFile file, int pageSize, TextWriter progress, CancellationToken ct)
    {
        var state = file.ReadExport() ?? new ExportState(null, 0, 0, false);
        if (state.Complete)
        {
            await progress.WriteLineAsync($"  {file.Table}: {state.Rows} rows, already exported");
            return;
        }

        await table.CreateIfNotExistsAsync(ct);
        await using var data = BackupFile.OpenForWrite(file.DataPath, FileMode.OpenOrCreate);
        data.SetLength(state.Bytes);
        data.Seek(0, SeekOrigin.End);
        if (state.Rows > 0)
        {
            await progress.WriteLineAsync($"  {file.Table}: resuming after {state.Rows} rows");
        }

        await foreach (var page in table.QueryAsync<TableEntity>(maxPerPage: pageSize, cancellationToken: ct).AsPages(state.Continuation, pageSize))
        {
            await WriteAsync(data, page.Values, ct);
            state = new ExportState(page.ContinuationToken, state.Rows + page.Values.Count, data.Position, page.ContinuationToken is null);
            file.WriteExport(state);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {file.Table}: {state.Rows:N0} rows{(state.Complete ? ", exported" : "")}"));
        }

        if (!state.Complete)
        {
            // An empty table answers no page at all.
            file.WriteExport(state with { Complete = true });
            await progress.WriteLineAsync($"  {file.Table}: {state.Rows} rows, exported");
        }
    }

    private static async Task WriteAsync(FileStream data, IReadOnlyList<TableEntity> rows, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        foreach (var row in rows)
        {
            await using (var json = new Utf8JsonWriter(buffer))
            {
                EntityJson.Write(json, row);
            }

            buffer.WriteByte((byte)'\n');
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(data, ct);
        await data.FlushAsync(ct);
        data.Flush(flushToDisk: true);
    }
}
