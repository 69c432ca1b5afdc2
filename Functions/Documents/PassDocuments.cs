using AccessPmc.Functions.Http;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Security;

namespace AccessPmc.Functions.Documents;

/// <summary>A batch PDF and what it holds: <see cref="Printed"/> documents, then the <see cref="Refused"/> ids listed on its last page(s).</summary>
public sealed record BatchDocument(byte[] Pdf, int Printed, int Refused);

/// <summary>
/// Finds the passes a caller may print and renders them. Single reads and batch items are refused alike: unknown
/// or another unit's pass is 404 (<see cref="PassAccess"/>), a pass whose holder data was erased is 410; a batch item
/// that is not a pass id at all is 400 (<see cref="Malformed"/>).
/// </summary>
public sealed class PassDocuments(PassAccess access, DocumentRenderer renderer)
{
    public const int MaxBatch = 500;

    /// <summary>An id that is not a pass id (32 lowercase hex digits): listed as malformed (400), never looked up.</summary>
    public static Violation Malformed { get; } =
        Violation.Invalid(Contracts.ErrorCodes.ValidationFailed, "ids", "Not a pass id: 32 lowercase hex digits.");

    /// <summary>Point reads in flight at once for a batch: enough to hide latency, few enough to share the store.</summary>
    private const int Parallelism = 16;

    public async Task<Checked<byte[]>> OneAsync(ApiCaller caller, string id, DocumentFormat format, CancellationToken ct)
    {
        var pass = await access.FindWithHolderDataAsync(caller, id, ct);
        if (pass.Violation is not null)
        {
            return pass.Violation;
        }

        return renderer.Render([pass.Value!], [], format);
    }

    /// <summary>Every id in order; refused ones are listed, never fail the whole document.</summary>
    public async Task<BatchDocument> ManyAsync(ApiCaller caller, IReadOnlyList<string> ids, DocumentFormat format, CancellationToken ct)
    {
        var found = new Checked<PassEntity>[ids.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ids.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, token) => found[i] = PassStore.IsId(ids[i]) ? await access.FindWithHolderDataAsync(caller, ids[i], token) : Malformed);

        var passes = found.Where(f => f.Violation is null).Select(f => f.Value!).ToList();
        var refusals = found.Select((f, i) => (f, i))
            .Where(x => x.f.Violation is not null)
            .Select(x => new Refusal(x.i + 1, ids[x.i], x.f.Violation!.ToApiError().Status))
            .ToList();
        return new BatchDocument(renderer.Render(passes, refusals, format), passes.Count, refusals.Count);
    }
}
