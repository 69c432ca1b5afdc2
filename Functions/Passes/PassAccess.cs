using AccessPmc.Functions.Security;

namespace AccessPmc.Functions.Passes;

/// <summary>Finds a pass the caller may see: another unit's pass is answered exactly like a missing one.</summary>
public sealed class PassAccess(PassStore store)
{
    public async Task<Checked<PassEntity>> FindAsync(ApiCaller caller, string id, CancellationToken ct)
    {
        var pass = await store.FindAsync(id, ct);
        return pass is not null && caller.MayUseUnit(pass.Unit) ? pass : Violation.NotFound("pass");
    }
}
