using AccessPmc.Contracts;
using AccessPmc.Functions.Verification;

namespace AccessPmc.Tests.Security;

public sealed class AbuseLimitTests(AzuriteFixture azurite) : AppTests(azurite, "limits", new Dictionary<string, string?>
{
    ["Auth:PermitsPerSecond"] = "1",
    ["Auth:Burst"] = "3",
})
{
    private Task<Reply> KeysAsync(string key) =>
        App.CallAsync<KeySetFunction>("GET", "/api/keys", null, key, async (f, r) => (await f.Run(r, default)).Result);

    [Fact]
    public async Task FloodingClientGets429WithRetryAfterAndOthersAreUnaffected()
    {
        var replies = new List<Reply>();
        for (var i = 0; i < 4; i++)
        {
            replies.Add(await KeysAsync(TestApp.ScannerKey));
        }

        var other = await KeysAsync(TestApp.IssuerKey);

        Assert.Equal([200, 200, 200, 429], replies.Select(r => r.Status));
        Assert.Equal(ErrorCodes.RateLimited, replies[3].ProblemCode());
        Assert.True(int.Parse(replies[3].Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(200, other.Status);
    }

    [Fact]
    public async Task OversizedCodeIsRefusedBeforeDecoding()
    {
        var verdict = await App.VerifyAsync("PMC1:" + new string('0', 5000), key: TestApp.AdminKey);

        Assert.Equal(VerifyReasons.Malformed, verdict.Reason);
    }
}
