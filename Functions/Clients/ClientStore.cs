using System.Collections.Concurrent;
using AccessPmc.Contracts;
using AccessPmc.Functions.Security;
using AccessPmc.Functions.Storage;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Clients;

/// <summary>API clients kept in table storage, with a short cache so that auth is not a read per request.</summary>
public sealed class ClientStore(Tables tables, TimeProvider time)
{
    /// <summary>How long a disable may take to reach another instance; this instance evicts at once.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (ClientEntity Entity, DateTimeOffset Until)> cache = new();

    public async ValueTask<ApiCaller?> AuthenticateAsync(string key, byte[] hash, CancellationToken ct)
    {
        if (ApiKeys.ClientIdOf(key) is not { } id)
        {
            return null;
        }

        var entity = await FindAsync(id, ct);
        return entity is { DisabledAt: null } && ApiKeys.Matches(hash, entity.KeyHash) ? entity.ToCaller() : null;
    }

    /// <summary>The name of a stored client (cached as for authentication), or null for a configured or unknown client.</summary>
    public async ValueTask<string?> NameOfAsync(string id, CancellationToken ct) =>
        id is { Length: > 0 and <= 64 } ? (await FindAsync(id, ct))?.Name : null;

    public async Task<ClientWithKey> CreateAsync(string name, Role role, IReadOnlyList<string> units, IReadOnlyList<string> sites, CancellationToken ct)
    {
        var id = ApiKeys.NewClientId();
        var key = ApiKeys.Generate(id);
        var entity = new ClientEntity
        {
            RowKey = id,
            Name = name,
            Role = ApiCaller.RoleName(role),
            Units = string.Join(',', units),
            Sites = string.Join(',', sites),
            KeyHash = ApiKeys.Hash(key),
            CreatedAt = time.GetUtcNow(),
        };
        await tables.Clients.AddEntityAsync(entity, ct);
        return new ClientWithKey(entity.ToResponse(), key);
    }

    /// <summary>The stored client, read afresh (not from the authentication cache); null for an unknown or malformed id.</summary>
    public async Task<ClientResponse?> GetAsync(string id, CancellationToken ct) => (await ReadAsync(id, ct))?.ToResponse();

    public async Task<IReadOnlyList<ClientResponse>> ListAsync(CancellationToken ct) =>
        (await tables.Clients.ListAsync<ClientEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ClientEntity.Partition}"), ct)).Select(e => e.ToResponse()).ToList();

    /// <summary>The client, disabled now or already; null for an unknown client.</summary>
    public async Task<ClientResponse?> DisableAsync(string id, CancellationToken ct)
    {
        var outcome = await ChangeAsync(id, e => e.DisabledAt is null && (e.DisabledAt = time.GetUtcNow()) is not null, ct);
        return outcome?.Row.ToResponse();
    }

    /// <summary>
    /// A new key for an enabled client. A disabled client is refused (409 <c>client_disabled</c>): its new key would
    /// be refused at once, and an answer of 200 with a key that never works reads as success.
    /// </summary>
    public async Task<Checked<ClientWithKey>> RotateKeyAsync(string id, CancellationToken ct)
    {
        var key = ApiKeys.Generate(id);
        var outcome = await ChangeAsync(id, e =>
        {
            if (e.DisabledAt is not null)
            {
                return false;
            }

            e.KeyHash = ApiKeys.Hash(key);
            return true;
        }, ct);
        return outcome switch
        {
            null => Violation.NotFound("client"),
            { Written: false } => new Violation(ViolationKind.StateConflict, ErrorCodes.ClientDisabled, null, "This client is disabled: its key cannot be rotated. Create a new client instead."),
            { Row: var e } => new ClientWithKey(e.ToResponse(), key),
        };
    }

    /// <summary>
    /// Applies <paramref name="change"/> (false: no write) to the stored client, again on a fresh read if someone
    /// changed it meanwhile; null for an unknown client.
    /// </summary>
    private async Task<(ClientEntity Row, bool Written)?> ChangeAsync(string id, Func<ClientEntity, bool> change, CancellationToken ct)
    {
        var outcome = await OptimisticUpdate.ApplyAsync(tables.Clients, await ReadAsync(id, ct), change, token => ReadAsync(id, token), ct);
        cache.TryRemove(id, out _);
        return outcome;
    }

    private async Task<ClientEntity?> ReadAsync(string id, CancellationToken ct)
    {
        if (!ApiKeys.IsClientId(id))
        {
            return null;
        }

        var found = await tables.Clients.GetEntityIfExistsAsync<ClientEntity>(ClientEntity.Partition, id, cancellationToken: ct);
        return found.HasValue ? found.Value : null;
    }

    private async ValueTask<ClientEntity?> FindAsync(string id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(id, out var hit) && hit.Until > now)
        {
            return hit.Entity;
        }

        // Misses are not cached: random ids must not grow memory (failed attempts are rate-limited instead).
        var entity = await ReadAsync(id, ct);
        if (entity is not null)
        {
            cache[id] = (entity, now + CacheLifetime);
        }

        return entity;
    }
}
