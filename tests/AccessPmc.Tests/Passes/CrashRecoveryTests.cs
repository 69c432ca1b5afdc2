using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Passes;

/// <summary>
/// A request that died halfway, then its documented retry (same Idempotency-Key, same body): the retry
/// finishes the same pass with the same data, answers 200 when the pass was already stored, and the
/// listing shows each pass once.
/// </summary>
public sealed class CrashRecoveryTests(AzuriteFixture azurite) : AppTests(azurite, "crash")
{
    private const string Key = "hr-row-17";

    /// <summary>What the first attempt did before it died: reserved the key, and wrote the index rows (and the pass row when asked).</summary>
    private async Task<PassEntity> DieAfterAsync(bool passRowWritten)
    {
        var request = Calls.Typical();
        var caller = new AccessPmc.Functions.Security.ApiCaller("issuer-phys", AccessPmc.Functions.Security.Role.Issuer, ["PHYS"], ["PMC", "JUSSIEU"]);
        var draft = App.Services.GetRequiredService<PassRules>().Validate(request, caller, App.Clock.GetUtcNow()).Value!;
        var reservation = (await App.Services.GetRequiredService<IdempotencyStore>().ReserveAsync(caller.Id, Key, IdempotencyStore.RequestHash(request, AccessPmcJson.Default.IssuePassRequest), PassIssuer.NewId(), default)).Value!;
        var pass = App.Services.GetRequiredService<PassIssuer>().Build(draft, reservation.PassId, caller.Id, reservation.IssuedAt);
        if (passRowWritten)
        {
            await App.Services.GetRequiredService<PassStore>().InsertAsync([pass], default);
        }
        else
        {
            await App.Services.GetRequiredService<PassIndexes>().AddAsync([pass], default);
        }

        App.Clock.Advance(IdempotencyStore.InFlightWindow + TimeSpan.FromSeconds(5));
        return pass;
    }

    private async Task<PassPage> ListAsync() =>
        (await App.CallAsync<ListPassesFunction>("GET", "/api/passes", null, TestApp.IssuerKey, async (f, r) => (await f.Run(r, default)).Result)).Json<PassPage>();

    [Fact]
    public async Task RetryAfterThePassWasStoredAnswers200WithThatPass()
    {
        var first = await DieAfterAsync(passRowWritten: true);

        var retry = await App.IssueAsync(Calls.Typical(), idempotencyKey: Key);

        Assert.Equal((200, first.Id, first.Code), (retry.Status, retry.Json<PassResponse>().Id, retry.Json<PassResponse>().Code));
        Assert.Equal([first.Id], (await ListAsync()).Items.Select(p => p.Id));
    }

    [Fact]
    public async Task RetryAfterOnlyTheIndexRowsWereWrittenStoresThePassOnceWithItsFirstIssueTime()
    {
        var first = await DieAfterAsync(passRowWritten: false);

        var retry = await App.IssueAsync(Calls.Typical(), idempotencyKey: Key);

        var pass = retry.Json<PassResponse>();
        Assert.Equal((201, first.Id, first.IssuedAt), (retry.Status, pass.Id, pass.IssuedAt));
        Assert.Equal([first.Id], (await ListAsync()).Items.Select(p => p.Id));
        Assert.Single(await App.Tables.UnitIndex.QueryAsync<UnitIndexEntity>().ToListAsync());
    }

    [Fact]
    public async Task AStaleIndexRowNeverShowsAPassTwice()
    {
        var pass = await App.IssuedAsync();
        var stored = (await App.Services.GetRequiredService<PassStore>().FindAsync(pass.Id, default))!;
        await App.Tables.UnitIndex.AddEntityAsync(PassIndexes.UnitRow(new PassEntity { RowKey = pass.Id, Unit = "PHYS", IssuedAt = stored.IssuedAt.AddSeconds(-30) }));

        var listed = await ListAsync();

        Assert.Equal([pass.Id], listed.Items.Select(p => p.Id));
    }
}
