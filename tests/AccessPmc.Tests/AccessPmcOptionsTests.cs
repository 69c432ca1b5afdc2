using AccessPmc.Functions;
using AccessPmc.Functions.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccessPmc.Tests;

/// <summary>Settings are validated at start, list items included, and the refusal names the setting.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AccessPmcOptionsTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("AccessPmc:Kinds:attestation:AllowedHours", "25:00-26:00", "AllowedHours")]
    [InlineData("AccessPmc:Kinds:attestation:AllowedHours", "20:00-07:00", "AllowedHours")]
    [InlineData("AccessPmc:Sites:0:TimeZone", "Mars/Olympus", "TimeZone")]
    [InlineData("AccessPmc:Sites:0:Code", "pmc lower", "Sites[0].Code")]
    [InlineData("AccessPmc:Sites:1:Code", "", "Sites[1].Code")]
    public async Task MisconfiguredPolicyIsRefusedAtStartWithTheSettingNamed(string key, string value, string named)
    {
        await using var app = await TestApp.StartAsync(azurite, "policy", new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<AccessPmcOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Auth:Clients:3:Id", "", "Clients[3].Id")]
    [InlineData("Auth:Clients:1:Role", "", "Clients[1].Role")]
    public async Task MisconfiguredClientIsRefusedAtStartWithTheSettingNamed(string key, string value, string named)
    {
        await using var app = await TestApp.StartAsync(azurite, "clientcfg", new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<AuthOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
