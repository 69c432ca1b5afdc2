using System.Diagnostics;
using Azure.Data.Tables;

namespace AccessPmc.Load;

/// <summary>Azurite's own limits, measured with the same SDK the service uses: the denominators of the ratios.</summary>
public static class StorageLoad
{
    public static async Task<double> PointReadsPerSecondAsync(TableServiceClient service, int workers, TimeSpan duration)
    {
        var table = service.GetTableClient("benchraw" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Status"] = "active", ["Payload"] = new string('x', 400) });
        long reads = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                await table.GetEntityIfExistsAsync<TableEntity>("p", "r");
                Interlocked.Increment(ref reads);
            }
        }));
        var rate = reads / clock.Elapsed.TotalSeconds;
        await table.DeleteAsync();
        return rate;
    }

    public static async Task<double> BatchInsertsPerSecondAsync(TableServiceClient service, int entities)
    {
        var table = service.GetTableClient("benchraw" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateAsync();
        var rows = Enumerable.Range(0, entities)
            .Select(i => new TableEntity((i % 16).ToString("x", System.Globalization.CultureInfo.InvariantCulture), Guid.NewGuid().ToString("N")) { ["Payload"] = new string('x', 400) })
            .ToList();
        var clock = Stopwatch.StartNew();
        await Functions.Storage.TableBatches.SubmitAsync(table, rows, TableTransactionActionType.Add, default);
        var rate = entities / clock.Elapsed.TotalSeconds;
        await table.DeleteAsync();
        return rate;
    }
}
