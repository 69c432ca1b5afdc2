using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Storage;

/// <summary>Every table the service uses, by role; created at startup when missing.</summary>
public sealed class Tables
{
    public Tables(TableServiceClient service, IOptions<StorageOptions> options)
    {
        var prefix = options.Value.TablePrefix;
        TableClient Get(string name) => service.GetTableClient(prefix + name);
        Service = service;
        Passes = Get("Passes");
        ExpiryIndex = Get("PassExpiry");
        UnitIndex = Get("PassesByUnit");
        Revocations = Get("Revocations");
        PurgeIndex = Get("PurgeDue");
        ScanEvents = Get("ScanEvents");
        ScanCounts = Get("ScanCounts");
        Clients = Get("ApiClients");
        Idempotency = Get("IdempotencyKeys");
        Presence = Get("Presence");
        Anomalies = Get("Anomalies");
        Statistics = Get("Statistics");
    }

    public TableServiceClient Service { get; }
    public TableClient Passes { get; }
    public TableClient ExpiryIndex { get; }
    public TableClient UnitIndex { get; }
    public TableClient Revocations { get; }
    public TableClient PurgeIndex { get; }
    public TableClient ScanEvents { get; }
    public TableClient ScanCounts { get; }
    public TableClient Clients { get; }
    public TableClient Idempotency { get; }

    /// <summary>Per site: one presence row per pass and the site's occupancy counter (same partition, so they change in one transaction).</summary>
    public TableClient Presence { get; }

    public TableClient Anomalies { get; }

    /// <summary>Anonymous counters per site, unit and time bucket (<c>Statistics/StatsStore</c>); never purged.</summary>
    public TableClient Statistics { get; }

    public IEnumerable<TableClient> All =>
        [Passes, ExpiryIndex, UnitIndex, Revocations, PurgeIndex, ScanEvents, ScanCounts, Clients, Idempotency, Presence, Anomalies, Statistics];

    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        foreach (var table in All)
        {
            await table.CreateIfNotExistsAsync(ct);
        }
    }
}
