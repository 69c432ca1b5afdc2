using AccessPmc.Contracts;
using AccessPmc.Functions.Expiry;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Statistics;

/// <summary>Passes issued, revoked and expired per unit, kind and bucket; replays, repeated revocations and repeated expiry runs count once.</summary>
public sealed class PassStatsTests(AzuriteFixture azurite) : AppTests(azurite, "pstats")
{
    private static readonly DateTimeOffset Start = TestApp.Start;

    private Task<Reply> BatchAsync(IReadOnlyList<BatchIssueItem> items) =>
        App.CallAsync<Functions.Passes.IssueBatchFunction>("POST", "/api/passes/batch", new BatchIssueRequest(items), TestApp.IssuerKey, async (f, r) => (await f.Run(r, default)).Result);

    private static BatchIssueItem Item(int i, string kind = PassKinds.Temporary) =>
        new("Ada", $"Person{i}", kind, Start, Start.AddDays(3), ["PMC"], null, $"batch-{i}");

    [Fact]
    public async Task ReplaysOfSingleAndBatchIssuanceCountOnce()
    {
        Assert.Equal(201, (await App.IssueAsync(Calls.Typical(), idempotencyKey: "hr-1")).Status);
        Assert.Equal(200, (await App.IssueAsync(Calls.Typical(), idempotencyKey: "hr-1")).Status);
        BatchIssueItem[] batch = [Item(1), Item(2), Item(3, PassKinds.Attestation)];
        await BatchAsync(batch);
        await BatchAsync(batch);
        await App.IssuedAsync(Calls.Typical() with { Unit = "CHEM" }, TestApp.OtherIssuerKey);

        var stats = await App.StatsAsync(Start, Start.AddHours(1));

        Assert.Equal(
            ["CHEM temporary 2026-03-16T08 issued 1 revoked 0 expired 0", "PHYS attestation 2026-03-16T08 issued 1 revoked 0 expired 0", "PHYS temporary 2026-03-16T08 issued 3 revoked 0 expired 0"],
            stats.Passes.Select(b => b.Line()));
    }

    [Fact]
    public async Task ARevocationCountsOnceInItsHourAndAnExpiryOnceInTheHourThePassEnded()
    {
        var revoked = await App.IssuedAsync();
        await App.IssuedAsync(Calls.Typical(until: Start.AddHours(3).AddMinutes(20)));
        App.Clock.Advance(TimeSpan.FromHours(1));
        await App.RevokeAsync(revoked.Id);
        await App.RevokeAsync(revoked.Id);

        App.Clock.SetUtcNow(Start.AddHours(5));
        var expirer = App.Services.GetRequiredService<PassExpirer>();
        Assert.Equal(1, (await expirer.RunAsync(default)).Expired);
        await expirer.RunAsync(default);

        var hours = await App.StatsAsync(Start, Start.AddHours(6));
        var day = await App.StatsAsync(Start, Start.AddHours(6), Granularities.Day);

        Assert.Equal(
            [
                "PHYS temporary 2026-03-16T08 issued 2 revoked 0 expired 0",
                "PHYS temporary 2026-03-16T09 issued 0 revoked 1 expired 0",
                "PHYS temporary 2026-03-16T11 issued 0 revoked 0 expired 1",
            ],
            hours.Passes.Select(b => b.Line()));
        Assert.Equal(["PHYS temporary 2026-03-16T00 issued 2 revoked 1 expired 1"], day.Passes.Select(b => b.Line()));
    }

    [Fact]
    public async Task AnIssuerSeesItsOwnUnitsPassesOnlyAndNeverAnotherUnits()
    {
        await App.IssuedAsync();
        await App.IssuedAsync(Calls.Typical() with { Unit = "CHEM" }, TestApp.OtherIssuerKey);

        var phys = await App.StatsAsync(Start, Start.AddHours(1), key: TestApp.IssuerKey);
        var chem = await App.StatsAsync(Start, Start.AddHours(1), key: TestApp.OtherIssuerKey);
        var admin = await App.StatsAsync(Start, Start.AddHours(1), unit: "chem");
        var refused = await App.StatsReplyAsync(StatsCalls.Query(Start, Start.AddHours(1), unit: "CHEM"), TestApp.IssuerKey);

        Assert.Equal(["PHYS"], phys.Passes.Select(b => b.Unit));
        Assert.Equal(["CHEM"], chem.Passes.Select(b => b.Unit));
        Assert.Equal(["CHEM"], admin.Passes.Select(b => b.Unit));
        Assert.Equal((403, ErrorCodes.Forbidden), (refused.Status, refused.ProblemCode()));
    }
}
