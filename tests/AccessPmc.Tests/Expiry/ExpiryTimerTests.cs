using AccessPmc.Contracts;
using AccessPmc.Functions.Expiry;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Expiry;

public sealed class ExpiryTimerTests(AzuriteFixture azurite) : AppTests(azurite, "expiry")
{
    private Task<ExpiryRun> RunTimerAsync() => App.Services.GetRequiredService<PassExpirer>().RunAsync(default);

    private async Task<string> StatusOf(string id) => (await App.GetAsync(id)).Json<PassResponse>().Status;

    [Fact]
    public async Task TimerExpiresExactlyThePassesThatAreDue()
    {
        var soon = await App.IssuedAsync(Calls.Typical(until: TestApp.Start.AddHours(1)));
        var alsoSoon = await App.IssuedAsync(Calls.Typical(until: TestApp.Start.AddHours(2)));
        var later = await App.IssuedAsync(Calls.Typical(until: TestApp.Start.AddHours(2).AddSeconds(1)));

        App.Clock.SetUtcNow(TestApp.Start.AddHours(2));
        var run = await RunTimerAsync();

        Assert.Equal(new ExpiryRun(Due: 2, Expired: 2), run);
        Assert.Equal(PassStatuses.Expired, await StatusOf(soon.Id));
        Assert.Equal(PassStatuses.Expired, await StatusOf(alsoSoon.Id));
        Assert.Equal(PassStatuses.Active, await StatusOf(later.Id));
    }

    [Fact]
    public async Task SecondRunChangesNothing()
    {
        await App.IssuedAsync(Calls.Typical(until: TestApp.Start.AddHours(1)));
        App.Clock.SetUtcNow(TestApp.Start.AddHours(3));
        await RunTimerAsync();

        var second = await RunTimerAsync();

        Assert.Equal(new ExpiryRun(0, 0), second);
    }

    [Fact]
    public async Task RevokedPassStaysRevoked()
    {
        var pass = await App.IssuedAsync(Calls.Typical(until: TestApp.Start.AddHours(1)));
        await App.RevokeAsync(pass.Id);

        App.Clock.SetUtcNow(TestApp.Start.AddHours(2));
        var run = await RunTimerAsync();

        Assert.Equal(new ExpiryRun(Due: 1, Expired: 0), run);
        Assert.Equal(PassStatuses.Revoked, await StatusOf(pass.Id));
    }

    [Fact]
    public async Task RunReadsOnlyDueIndexRows()
    {
        for (var i = 0; i < 5; i++)
        {
            await App.IssuedAsync(Calls.Typical(until: TestApp.Start.AddDays(3)));
        }

        var due = await App.IssuedAsync(Calls.Typical(until: TestApp.Start.AddMinutes(10)));
        App.Clock.SetUtcNow(TestApp.Start.AddMinutes(30));

        var run = await RunTimerAsync();

        Assert.Equal(1, run.Due);
        var left = await App.Tables.ExpiryIndex.QueryAsync<DueEntity>().ToListAsync();
        Assert.Equal(5, left.Count);
        Assert.DoesNotContain(left, r => r.RowKey == due.Id);
    }

    [Fact]
    public async Task AfterTheTimerVerifySaysExpired()
    {
        var pass = await App.IssuedAsync(Calls.Typical(until: TestApp.Start.AddHours(1)));
        App.Clock.SetUtcNow(TestApp.Start.AddHours(1).AddMinutes(5));
        await RunTimerAsync();

        Assert.Equal(VerifyReasons.Expired, (await App.VerifyAsync(pass.Code)).Reason);
    }

    [Fact]
    public async Task IndexRowWithoutAPassIsCleanedUp()
    {
        // What a crash between the index write and the pass write leaves behind.
        await App.Tables.ExpiryIndex.AddEntityAsync(PassIndexes.Due(RowKeys.ExpiryBucket(TestApp.Start), new string('a', 32), TestApp.Start));
        App.Clock.SetUtcNow(TestApp.Start.AddMinutes(1));

        var run = await RunTimerAsync();

        Assert.Equal(new ExpiryRun(1, 0), run);
        Assert.Empty(await App.Tables.ExpiryIndex.QueryAsync<DueEntity>().ToListAsync());
    }
}
