using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Presence;

/// <summary>
/// A site's occupancy counter: <c>PartitionKey</c> = site, <c>RowKey</c> = <see cref="Key"/> (sorts before pass
/// ids). <see cref="Count"/> is the number of presence rows inside in <see cref="Epoch"/>, kept exact by
/// changing both in one transaction; a daily reset starts a new epoch at zero (<see cref="LastResetAt"/>).
/// </summary>
public sealed class OccupancyEntity : ITableEntity
{
    public const string Key = "!occupancy";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Key;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Count { get; set; }
    public long Epoch { get; set; } = 1;
    public DateTimeOffset LastResetAt { get; set; }

    [IgnoreDataMember]
    public bool IsNew => ETag == default;

    public OccupancyEntity Copy() => (OccupancyEntity)MemberwiseClone();
}
