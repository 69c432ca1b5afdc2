using AccessPmc.Contracts;
using AccessPmc.Functions.Security;
using Azure;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Clients;

/// <summary>A stored API client. Only the SHA-256 of its key is kept.</summary>
public sealed class ClientEntity : ITableEntity
{
    public const string Partition = "client";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string Units { get; set; } = "";
    public string Sites { get; set; } = "";
    public byte[] KeyHash { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }

    public ApiCaller ToCaller() => new(RowKey, ApiCaller.ParseRole(Role), Split(Units), Split(Sites), Name);

    public ClientResponse ToResponse() => new(RowKey, Name, Role, Split(Units), Split(Sites), CreatedAt, DisabledAt);

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
