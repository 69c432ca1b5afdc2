using AccessPmc.Contracts;
using AccessPmc.Functions.Expiry;
using AccessPmc.Functions.Storage;
using AccessPmc.Tests.Functions;
using AccessPmc.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class ExpiryTimerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync() => app = await TestApp.StartAsync(azurite, "expiry");

    public async Task DisposeAsync() => await app.DisposeAsync();

    private Task<ExpiryRun> RunTimerAsync() => app.Services.GetRequiredService<PassExpirer>().RunAsync(default);

    private async Task<string> StatusOf(string id) => (await app.GetAsync(id)).Json<PassResponse>().Status;

    [Fact]
    public async Task TimerExpiresExactlyThePassesThatAreDue()
    {
        var soon = await app.IssuedAsync(Calls.Typical(until: TestApp.Start.AddHours(1)));
        var alsoSoon = await app.IssuedAsync(Calls.Typical(until: TestApp.Start.AddHours(2)));
        var later = await app.IssuedAsync(Calls.Typical(until: TestApp.Start.AddHours(2).AddSeconds(1)));

        app.Clock.SetUtcNow(TestApp.Start.AddHours(2));
        var run = await RunTimerAsync();

        Assert.Equal(new ExpiryRun(Due: 2, Expired: 2), run);
        Assert.Equal(PassStatuses.Expired, await StatusOf(soon.Id));
        Assert.Equal(PassStatuses.Expired, await StatusOf(alsoSoon.Id));
        Assert.Equal(PassStatuses.Active, await StatusOf(later.Id));
    }

    [Fact]
    public async Task SecondRunChangesNothing()
    {
        await app.IssuedAsync(Calls.Typical(until: TestApp.Start.AddHours(1)));
        app.Clock.SetUtcNow(TestApp.Start.AddHours(3));
        await RunTimerAsync();

        var second = await RunTimerAsync();

        Assert.Equal(new ExpiryRun(0, 0), second);
    }

    [Fact]
    public async Task RevokedPassStaysRevoked()
    {
        var pass = await app.IssuedAsync(Calls.Typical(until: TestApp.Start.AddHours(1)));
        await app.RevokeAsync(pass.Id);

        app.Clock.SetUtcNow(TestApp.Start.AddHours(2));
        var run = await RunTimerAsync();

        Assert.Equal(new ExpiryRun(Due: 1, Expired: 0), run);
        Assert.Equal(PassStatuses.Revoked, await StatusOf(pass.Id));
    }

    [Fact]
    public async Task RunReadsOnlyDueIndexRows()
    {
        for (var i = 0; i < 5; i++)
        {
            await app.IssuedAsync(Calls.Typical(until: TestApp.Start.AddDays(3)));
        }

        var due = await app.IssuedAsync(Calls.Typical(until: TestApp.Start.AddMinutes(10)));
        app.Clock.SetUtcNow(TestApp.Start.AddMinutes(30));

        var run = await RunTimerAsync();

        Assert.Equal(1, run.Due);
        var left = await app.Tables.ExpiryIndex.QueryAsync<DueEntity>().ToListAsync();
        Assert.Equal(5, left.Count);
        Assert.DoesNotContain(left, r => r.RowKey == due.Id);
    }

    [Fact]
    public async Task AfterTheTimerVerifySaysExpired()
    {
        var pass = await app.IssuedAsync(Calls.Typical(until: TestApp.Start.AddHours(1)));
        app.Clock.SetUtcNow(TestApp.Start.AddHours(1).AddMinutes(5));
        await RunTimerAsync();

        Assert.Equal(VerifyReasons.Expired, (await app.VerifyAsync(pass.Code)).Reason);
    }

    [Fact]
    public async Task IndexRowWithoutAPassIsCleanedUp()
    {
        // What a crash between the index write and the pass write leaves behind.
        await app.Tables.ExpiryIndex.AddEntityAsync(PassStore.Due(Keys.ExpiryBucket(TestApp.Start), new string('a', 32), TestApp.Start));
        app.Clock.SetUtcNow(TestApp.Start.AddMinutes(1));

        var run = await RunTimerAsync();

        Assert.Equal(new ExpiryRun(1, 0), run);
        Assert.Empty(await app.Tables.ExpiryIndex.QueryAsync<DueEntity>().ToListAsync());
    }
}
