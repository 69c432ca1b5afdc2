using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Passes;

/// <summary>A batch that fails on storage leaves none of its keys "in flight": the retry goes through at once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FailedBatchRetryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RetryRightAfterAFailedBatchCreatesEveryPassOnce()
    {
        var faults = new FailingHandler(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("$batch", StringComparison.Ordinal));
        await using var app = await TestApp.StartAsync(azurite, "failbatch", null, s =>
            s.AddSingleton(new TableServiceClient(azurite.ConnectionString, new TableClientOptions { Transport = new HttpClientTransport(new HttpClient(faults)), RetryPolicy = new AccessPmc.Functions.Storage.StorageRetryPolicy() })));
        var items = Enumerable.Range(0, 5).Select(i => new BatchIssueItem("Ana", $"N{i}", PassKinds.Temporary, TestApp.Start, TestApp.Start.AddDays(1), ["PMC"], null, $"key-{i}")).ToList();
        Task<Reply> BatchAsync() => app.CallAsync<IssueBatchFunction>("POST", "/api/passes/batch", new BatchIssueRequest(items), TestApp.IssuerKey, async (f, r) => (await f.Run(r, default)).Result);

        await Assert.ThrowsAnyAsync<Exception>(BatchAsync);
        faults.Failing = false;
        var retry = (await BatchAsync()).Json<BatchIssueResponse>();

        Assert.True(faults.Failed > 0);
        Assert.Equal((5, 0), (retry.Created + retry.Existing, retry.Failed));
        Assert.Equal(5, (await app.Tables.Passes.QueryAsync<PassEntity>().ToListAsync()).Count);
    }
}
