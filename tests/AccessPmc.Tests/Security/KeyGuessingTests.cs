namespace AccessPmc.Tests.Security;

public sealed class KeyGuessingTests(AzuriteFixture azurite) : AppTests(azurite, "guess", new Dictionary<string, string?> { ["Auth:FailuresPerMinute"] = "5" })
{
    [Fact]
    public async Task RepeatedBadKeysFromOneAddressAreThrottledBeforeAnyLookup()
    {
        var statuses = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await App.VerifyReplyAsync("x", key: $"pmc_{i:x16}_guess")).Status);
        }

        Assert.Equal([401, 401, 401, 401, 401, 429, 429], statuses);
    }

    [Fact]
    public async Task MalformedKeysAre401AndCountAsFailedLogins()
    {
        string[] keys = ["pmc_a/b_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "pmc_a#b?c_x", "pmc_0123456789ABCDEF_x", "pmc__x", "pmc_\u00e9\u00e9_x", "pmc_0123456789abcdef_x"];

        var statuses = new List<int>();
        foreach (var key in keys)
        {
            statuses.Add((await App.VerifyReplyAsync("x", key: key)).Status);
        }

        Assert.Equal([401, 401, 401, 401, 401, 429], statuses);
    }
}
