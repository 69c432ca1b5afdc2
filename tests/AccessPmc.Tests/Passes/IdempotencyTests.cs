using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Passes;

public sealed class IdempotencyTests(AzuriteFixture azurite) : AppTests(azurite, "idem")
{
    private async Task<int> StoredPasses() => (await App.Tables.Passes.QueryAsync<PassEntity>().ToListAsync()).Count;

    [Fact]
    public async Task SameKeyAndBodyGiveTheSamePassStoredOnce()
    {
        var first = await App.IssueAsync(Calls.Typical(), idempotencyKey: "hr-2026-0001");
        var again = await App.IssueAsync(Calls.Typical(), idempotencyKey: "hr-2026-0001");

        Assert.Equal(201, first.Status);
        Assert.Equal(200, again.Status);
        Assert.Equal(first.Json<PassResponse>().Id, again.Json<PassResponse>().Id);
        Assert.Equal(first.Json<PassResponse>().Code, again.Json<PassResponse>().Code);
        Assert.Equal(1, await StoredPasses());
    }

    [Fact]
    public async Task SameKeyWithAnotherBodyIs422()
    {
        await App.IssueAsync(Calls.Typical(), idempotencyKey: "hr-2026-0002");

        var other = await App.IssueAsync(Calls.Typical() with { FamilyName = "Martin" }, idempotencyKey: "hr-2026-0002");

        Assert.Equal(422, other.Status);
        Assert.Equal(ErrorCodes.IdempotencyMismatch, other.ProblemCode());
        Assert.Equal(1, await StoredPasses());
    }

    [Fact]
    public async Task KeysAreScopedPerClient()
    {
        var mine = await App.IssueAsync(Calls.Typical(), idempotencyKey: "shared-key");
        var theirs = await App.IssueAsync(Calls.Typical() with { Unit = "CHEM" }, key: TestApp.OtherIssuerKey, idempotencyKey: "shared-key");

        Assert.Equal(201, theirs.Status);
        Assert.NotEqual(mine.Json<PassResponse>().Id, theirs.Json<PassResponse>().Id);
    }

    [Fact]
    public async Task RetryWhileTheFirstIsInFlightIs409ThenCompletesTheSamePassLater()
    {
        var hash = IdempotencyStore.RequestHash(Calls.Typical(), AccessPmcJson.Default.IssuePassRequest);
        var reserved = await App.Services.GetRequiredService<IdempotencyStore>().ReserveAsync("issuer-phys", "slow-key", hash, PassIssuer.NewId(), default);

        var during = await App.IssueAsync(Calls.Typical(), idempotencyKey: "slow-key");
        App.Clock.Advance(IdempotencyStore.InFlightWindow + TimeSpan.FromSeconds(1));
        var after = await App.IssueAsync(Calls.Typical(), idempotencyKey: "slow-key");

        Assert.Equal(409, during.Status);
        Assert.Equal(ErrorCodes.IdempotencyInFlight, during.ProblemCode());
        Assert.Equal(201, after.Status);
        Assert.Equal(reserved.Value!.PassId, after.Json<PassResponse>().Id);
    }

    [Fact]
    public async Task InvalidIdempotencyKeyIs400()
    {
        Assert.Equal(400, (await App.IssueAsync(Calls.Typical(), idempotencyKey: new string('k', 200))).Status);
    }

    [Fact]
    public async Task TwoIdempotencyKeyHeadersAre400AndIssueNothing()
    {
        var req = App.Request("POST", "/api/passes", Calls.Typical());
        req.Headers["Idempotency-Key"] = new Microsoft.Extensions.Primitives.StringValues(["first", "second"]);

        var reply = await TestApp.ExecuteAsync(req, await App.Function<IssuePassFunction>().Run(req, default));

        Assert.Equal((400, ErrorCodes.ValidationFailed), (reply.Status, reply.ProblemCode()));
        Assert.Contains("one Idempotency-Key", reply.Body, StringComparison.Ordinal);
        Assert.Equal(0, await StoredPasses());
    }
}
