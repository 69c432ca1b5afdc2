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
}
