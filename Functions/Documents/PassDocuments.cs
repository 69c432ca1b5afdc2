using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Security;
using AccessPmc.Functions.Storage;
using Microsoft.AspNetCore.Http;

namespace AccessPmc.Functions.Documents;

/// <summary>A batch PDF and what it holds: <see cref="Printed"/> documents, then the <see cref="Refused"/> ids listed on its last page(s).</summary>
public sealed record BatchDocument(byte[] Pdf, int Printed, int Refused);

/// <summary>
/// Finds the passes a caller may print and renders them. Single reads and batch items are refused alike: unknown
/// or another unit's pass is 404 (<see cref="PassAccess"/>), a pass whose holder data was erased is 410.
/// </summary>
public sealed class PassDocuments(PassAccess access, DocumentRenderer renderer)
{
    public const int MaxBatch = 500;

    /// <summary>Point reads in flight at once for a batch: enough to hide latency, few enough to share the store.</summary>
    private const int Parallelism = 16;

    public static ApiError Erased { get; } =
        new(StatusCodes.Status410Gone, ErrorCodes.NotFound, "This pass's holder data was erased after its retention period: it has no document.");

    public async Task<Outcome<byte[]>> OneAsync(ApiCaller caller, string id, DocumentFormat format, CancellationToken ct)
    {
        var pass = await FindAsync(caller, id, ct);
        if (pass.Error is not null)
        {
            return pass.Error;
        }

        return renderer.Render([pass.Value!], [], format);
    }

    /// <summary>Every id in order; refused ones are listed, never fail the whole document.</summary>
    public async Task<BatchDocument> ManyAsync(ApiCaller caller, IReadOnlyList<string> ids, DocumentFormat format, CancellationToken ct)
    {
        var found = new Outcome<PassEntity>[ids.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ids.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, token) => found[i] = await FindAsync(caller, ids[i], token));

        var passes = found.Where(f => f.Error is null).Select(f => f.Value!).ToList();
        var refusals = found.Select((f, i) => (f, i))
            .Where(x => x.f.Error is not null)
            .Select(x => new Refusal(x.i + 1, ids[x.i], x.f.Error!.Status))
            .ToList();
        return new BatchDocument(renderer.Render(passes, refusals, format), passes.Count, refusals.Count);
    }

    private async Task<Outcome<PassEntity>> FindAsync(ApiCaller caller, string id, CancellationToken ct)
    {
        var pass = await access.FindAsync(caller, id, ct);
        return pass.Value is { Code: null } or { GivenName: null } ? Erased : pass;
    }
}
