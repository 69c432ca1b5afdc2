using AccessPmc.Functions;
using AccessPmc.Functions.Presence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccessPmc.Tests.Presence;

/// <summary>Presence settings are validated at start and a refusal names the setting.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PresenceOptionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task OldDailyCapacityIsRefusedAtStartNamingItsReplacement()
    {
        await using var app = await TestApp.StartAsync(azurite, "dailycap", new Dictionary<string, string?> { ["AccessPmc:Sites:1:DailyCapacity"] = "500" });

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<AccessPmcOptions>>().Value);

        Assert.Contains("AccessPmc__Sites__1__DailyCapacity", error.Message, StringComparison.Ordinal);
        Assert.Contains("Capacity (people inside at once", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AccessPmc:Sites:0:Capacity", "0", "Sites[0].Capacity")]
    [InlineData("AccessPmc:Sites:0:CapacityMode", "ignore", "Sites[0].CapacityMode")]
    [InlineData("AccessPmc:Sites:1:AntiPassback", "Refuse", "Sites[1].AntiPassback")]
    [InlineData("AccessPmc:Sites:2:DailyReset", "3:00", "Sites[2].DailyReset")]
    [InlineData("AccessPmc:Sites:2:DailyReset", "24:00", "Sites[2].DailyReset")]
    public async Task MisconfiguredSiteIsRefusedAtStartWithTheSettingNamed(string key, string value, string named)
    {
        await using var app = await TestApp.StartAsync(azurite, "sitecfg", new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<AccessPmcOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Presence:ProbeCodes", "1", "ProbeCodes")]
    [InlineData("Presence:ProbeWindow", "00:00:00", "ProbeWindow")]
    [InlineData("Presence:TravelTime", "2.00:00:00", "TravelTime")]
    public async Task MisconfiguredAnomalyRuleIsRefusedAtStart(string key, string value, string named)
    {
        await using var app = await TestApp.StartAsync(azurite, "prescfg", new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<PresenceOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
