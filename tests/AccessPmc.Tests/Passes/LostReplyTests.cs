using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Passes;

[Collection(AzuriteCollection.Name)]
public sealed class LostReplyTests(AzuriteFixture azurite)
{
    private static bool IsInsertInto(HttpRequestMessage r, string table) =>
        r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/" + table, StringComparison.Ordinal);

    private async Task<(TestApp App, LostReplyHandler Faults)> StartAsync(string table)
    {
        var prefix = "tlost" + Guid.NewGuid().ToString("N")[..6];
        var faults = new LostReplyHandler(r => IsInsertInto(r, prefix + table));
        var app = await TestApp.StartAsync(azurite, "lost", new Dictionary<string, string?> { ["Storage:TablePrefix"] = prefix }, s =>
            s.AddSingleton(new TableServiceClient(azurite.ConnectionString, new TableClientOptions
            {
                Transport = new HttpClientTransport(new HttpClient(faults)),
                Retry = { Delay = TimeSpan.FromMilliseconds(10), MaxRetries = 3 },
            })));
        return (app, faults);
    }

    [Theory]
    [InlineData("Passes", null)]
    [InlineData("Passes", "lost-1")]
    [InlineData("IdempotencyKeys", "lost-2")]
    public async Task CommittedWriteWhoseReplyWasLostIsNeitherAnErrorNorADuplicate(string table, string? key)
    {
        var (app, faults) = await StartAsync(table);
        await using var _ = app;

        var reply = await app.IssueAsync(Calls.Typical(), idempotencyKey: key);

        Assert.Equal(1, faults.Lost);
        Assert.Equal(201, reply.Status);
        var passes = await app.Tables.Passes.QueryAsync<PassEntity>().ToListAsync();
        Assert.Equal(reply.Json<PassResponse>().Id, Assert.Single(passes).Id);
    }
}
