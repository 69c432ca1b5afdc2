using AccessPmc.Functions.Security;

namespace AccessPmc.Functions.Passes;

/// <summary>Finds a pass the caller may see: another unit's pass is answered exactly like a missing one.</summary>
public sealed class PassAccess(PassStore store)
{
    /// <summary>A pass whose holder data (names, code) was erased after retention: nothing left to show or print.</summary>
    public static Violation Erased { get; } =
        new(ViolationKind.Gone, Contracts.ErrorCodes.NotFound, null, "This pass's holder data was erased after its retention period.");

    public async Task<Checked<PassEntity>> FindAsync(ApiCaller caller, string id, CancellationToken ct)
    {
        var pass = await store.FindAsync(id, ct);
        return pass is not null && caller.MayUseUnit(pass.Unit) ? pass : Violation.NotFound("pass");
    }

    /// <summary>As <see cref="FindAsync"/>, and <see cref="Erased"/> (410) when its code and names are gone: for the QR image and documents.</summary>
    public async Task<Checked<PassEntity>> FindWithHolderDataAsync(ApiCaller caller, string id, CancellationToken ct)
    {
        var pass = await FindAsync(caller, id, ct);
        return pass.Value is { Code: null } or { GivenName: null } ? Erased : pass;
    }
}
