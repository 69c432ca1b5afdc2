using AccessPmc.Contracts;
using AccessPmc.Functions.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Privacy;

/// <summary>
/// A holder's right of access and to erasure. Holders are found by name with a filtered scan of the
/// pass table: a rare, admin-only request, so no name index is kept (it would be personal data too).
/// </summary>
public sealed class HolderData(Tables tables, PassStore store, TimeProvider time, IOptions<AccessPmcOptions> options)
{
    public const int MaxPasses = 200;

    public async Task<IReadOnlyList<PassEntity>> FindAsync(string givenName, string familyName, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"GivenName eq {givenName} and FamilyName eq {familyName}");
        var passes = new List<PassEntity>();
        await foreach (var pass in tables.Passes.QueryAsync<PassEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
        {
            passes.Add(pass);
            if (passes.Count == MaxPasses)
            {
                break;
            }
        }

        return passes;
    }

    public async Task<IReadOnlyList<HolderScan>> ScansAsync(IReadOnlyList<PassEntity> passes, CancellationToken ct)
    {
        var scans = new List<HolderScan>();
        foreach (var chunk in passes.Chunk(20))
        {
            var filter = string.Join(" or ", chunk.Select(p => TableClient.CreateQueryFilter($"PassId eq {p.Id}")));
            await foreach (var scan in tables.ScanEvents.QueryAsync<ScanEventEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
            {
                scans.Add(new HolderScan(scan.PassId!, scan.Site, scan.At, scan.Result, scan.Reason));
            }
        }

        return scans.OrderBy(s => s.At).ToList();
    }

    /// <summary>Revokes what is still active (the printed code must stop opening doors), then erases the holder's data.</summary>
    public async Task<HolderErasure> EraseAsync(IReadOnlyList<PassEntity> passes, string adminId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var revoked = 0;
        foreach (var found in passes)
        {
            var pass = found;
            if (pass.Status == PassStatuses.Active)
            {
                pass = await store.RevokeAsync(pass, "holder data erased on request", adminId, now, ct);
                revoked++;
            }

            await EraseOneAsync(pass, now, ct);
        }

        return new HolderErasure(passes.Count, revoked);
    }

    private async Task EraseOneAsync(PassEntity pass, DateTimeOffset now, CancellationToken ct)
    {
        while (true)
        {
            pass.GivenName = null;
            pass.FamilyName = null;
            pass.DisplayLabel = null;
            pass.Code = null;
            pass.RevocationReason = null;
            pass.PersonalDataErasedAt ??= now;
            try
            {
                await tables.Passes.UpdateEntityAsync(pass, pass.ETag, TableUpdateMode.Replace, ct);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                pass = await store.FindAsync(pass.Id, ct) ?? throw new InvalidOperationException("A pass disappeared while being erased.", e);
            }
        }
    }

    public int MaxBodyBytes => options.Value.MaxBodyBytes;
}
