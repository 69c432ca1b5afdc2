using AccessPmc.Contracts;
using AccessPmc.Functions.Privacy;
using AccessPmc.Functions.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Privacy;

public sealed class PurgeTimerTests(AzuriteFixture azurite) : AppTests(azurite, "purge")
{
    [Fact]
    public async Task PurgeErasesHolderDataAfterRetentionAndKeepsAnonymousScanCounts()
    {
        var ended = await App.IssuedAsync(Calls.Typical(until: TestApp.Start.AddHours(1)));
        var running = await App.IssuedAsync(Calls.Typical(until: TestApp.Start.AddDays(5)));
        await App.VerifyAsync(ended.Code);
        await App.VerifyAsync("garbage");
        await App.FlushScansAsync();
        var purger = App.Services.GetRequiredService<PersonalDataPurger>();

        App.Clock.SetUtcNow(TestApp.Start.AddDays(30));
        var early = await purger.RunAsync(default);
        App.Clock.SetUtcNow(TestApp.Start.AddDays(93));
        var due = await purger.RunAsync(default);
        var again = await purger.RunAsync(default);

        Assert.Equal(new PurgeRun(0, 0, 0), early);
        Assert.Equal(new PurgeRun(PassesErased: 2, ScanEventsDeleted: 2, IdempotencyKeysDeleted: 0), due);
        Assert.Equal(new PurgeRun(0, 0, 0), again);
        var erased = (await App.GetAsync(ended.Id, TestApp.AdminKey)).Json<PassResponse>();
        Assert.Null(erased.GivenName);
        Assert.Null(erased.FamilyName);
        Assert.Equal("", erased.Code);
        Assert.Null(erased.DisplayLabel);
        Assert.Empty(await App.Tables.ScanEvents.QueryAsync<ScanEventEntity>().ToListAsync());
        var counts = Assert.Single(await App.Tables.ScanCounts.QueryAsync<Azure.Data.Tables.TableEntity>().ToListAsync());
        Assert.Equal(("PMC", "20260316", 1, 1), (counts.PartitionKey, counts.RowKey, counts.GetInt32("valid"), counts.GetInt32("malformed")));
        Assert.Null((await App.GetAsync(running.Id, TestApp.AdminKey)).Json<PassResponse>().GivenName);
    }

    [Fact]
    public async Task RevokedPassIsErasedRetentionAfterItsRevocation()
    {
        var pass = await App.IssuedAsync(Calls.Typical(kind: PassKinds.LongTerm, until: TestApp.Start.AddDays(300)));
        await App.RevokeAsync(pass.Id);

        App.Clock.SetUtcNow(TestApp.Start.AddDays(31));
        var run = await App.Services.GetRequiredService<PersonalDataPurger>().RunAsync(default);

        Assert.Equal(1, run.PassesErased);
        Assert.Null((await App.GetAsync(pass.Id)).Json<PassResponse>().GivenName);
    }
}
