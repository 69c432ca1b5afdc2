using AccessPmc.Contracts;
using AccessPmc.Functions.Privacy;
using AccessPmc.Functions.Storage;
using AccessPmc.Tests.Functions;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class RaceAndPurgeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync() => app = await TestApp.StartAsync(azurite, "race");

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task OnceRevokeHasReturnedNoVerifyAnswersValid()
    {
        var pass = await app.IssuedAsync();
        var revoked = 0;
        var lateValid = 0;
        var lateChecks = 0;
        using var stop = new CancellationTokenSource();

        async Task ScanLoop()
        {
            while (!stop.IsCancellationRequested)
            {
                var startedAfterRevoke = Volatile.Read(ref revoked) == 1;
                var verdict = await app.VerifyAsync(pass.Code);
                if (startedAfterRevoke)
                {
                    Interlocked.Increment(ref lateChecks);
                    if (verdict.Result == VerifyResults.Valid)
                    {
                        Interlocked.Increment(ref lateValid);
                    }
                }
            }
        }

        var scanners = Enumerable.Range(0, 4).Select(_ => Task.Run(ScanLoop)).ToList();
        await Task.Delay(50);
        Assert.Equal(200, (await app.RevokeAsync(pass.Id)).Status);
        Volatile.Write(ref revoked, 1);
        while (Volatile.Read(ref lateChecks) < 40)
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await Task.WhenAll(scanners);

        Assert.Equal(0, lateValid);
    }

    [Fact]
    public async Task PurgeErasesHolderDataAfterRetentionAndKeepsAnonymousScanCounts()
    {
        var ended = await app.IssuedAsync(Calls.Typical(until: TestApp.Start.AddHours(1)));
        var running = await app.IssuedAsync(Calls.Typical(until: TestApp.Start.AddDays(5)));
        await app.VerifyAsync(ended.Code);
        await app.VerifyAsync("garbage");
        await app.FlushScansAsync();
        var purger = app.Services.GetRequiredService<PersonalDataPurger>();

        app.Clock.SetUtcNow(TestApp.Start.AddDays(30));
        var early = await purger.RunAsync(default);
        app.Clock.SetUtcNow(TestApp.Start.AddDays(93));
        var due = await purger.RunAsync(default);
        var again = await purger.RunAsync(default);

        Assert.Equal(new PurgeRun(0, 0, 0), early);
        Assert.Equal(new PurgeRun(PassesErased: 2, ScanEventsDeleted: 2, IdempotencyKeysDeleted: 0), due);
        Assert.Equal(new PurgeRun(0, 0, 0), again);
        var erased = (await app.GetAsync(ended.Id, TestApp.AdminKey)).Json<PassResponse>();
        Assert.Null(erased.GivenName);
        Assert.Null(erased.FamilyName);
        Assert.Equal("", erased.Code);
        Assert.Null(erased.DisplayLabel);
        Assert.Empty(await app.Tables.ScanEvents.QueryAsync<ScanEventEntity>().ToListAsync());
        var counts = Assert.Single(await app.Tables.ScanCounts.QueryAsync<Azure.Data.Tables.TableEntity>().ToListAsync());
        Assert.Equal(("PMC", "20260316", 1, 1), (counts.PartitionKey, counts.RowKey, counts.GetInt32("valid"), counts.GetInt32("malformed")));
        Assert.NotNull(running);
    }

    [Fact]
    public async Task RevokedPassIsErasedRetentionAfterItsRevocation()
    {
        var pass = await app.IssuedAsync(Calls.Typical(kind: PassKinds.LongTerm, until: TestApp.Start.AddDays(300)));
        await app.RevokeAsync(pass.Id);

        app.Clock.SetUtcNow(TestApp.Start.AddDays(31));
        var run = await app.Services.GetRequiredService<PersonalDataPurger>().RunAsync(default);

        Assert.Equal(1, run.PassesErased);
        Assert.Null((await app.GetAsync(pass.Id)).Json<PassResponse>().GivenName);
    }
}
