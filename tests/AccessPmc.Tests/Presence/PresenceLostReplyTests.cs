using AccessPmc.Contracts;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Presence;

[Collection(AzuriteCollection.Name)]
public sealed class PresenceLostReplyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EntryWhoseTransactionCommittedButWhoseReplyWasLostIsAdmittedOnce()
    {
        // The first entity group transaction is the entry (one pass is stored without one; scan events come later).
        var faults = new LostReplyHandler(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal));
        await using var app = await TestApp.StartAsync(azurite, "plost", null, s =>
            s.AddSingleton(new TableServiceClient(azurite.ConnectionString, new TableClientOptions
            {
                Transport = new HttpClientTransport(new HttpClient(faults)),
                Retry = { Delay = TimeSpan.FromMilliseconds(10), MaxRetries = 3 },
            })));
        var pass = await app.IssuedAsync();

        var entry = await app.EnterAsync(pass.Code);

        Assert.Equal(1, faults.Lost);
        Assert.Equal((VerifyResults.Valid, new PresenceState(1, null)), (entry.Result, entry.Presence));
        Assert.Equal(1, (await app.CounterAsync()).Count);
    }
}
