using AccessPmc.Contracts;
using AccessPmc.Functions.Presence;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Presence;

/// <summary>The reset timer's work: PMC resets at 02:30 Paris time, a time that is skipped once and doubled once a year.</summary>
public sealed class PresenceResetTests(AzuriteFixture azurite) : AppTests(azurite, "preset", new Dictionary<string, string?> { ["AccessPmc:Sites:0:DailyReset"] = "02:30" })
{
    private PresenceResetter Resetter => App.Services.GetRequiredService<PresenceResetter>();

    [Theory]
    [InlineData("2026-03-27T12:00:00Z", "2026-03-28T01:30:00Z", "2026-03-29T01:30:00Z", "2026-03-30T00:30:00Z")]
    [InlineData("2026-10-23T12:00:00Z", "2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z")]
    public async Task TimerEveryFifteenMinutesResetsOncePerLocalDayAcrossADaylightSavingChange(string from, string first, string second, string third)
    {
        App.Clock.SetUtcNow(DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture));
        await Resetter.RunAsync(default);
        var resets = new List<DateTimeOffset>();

        for (var run = 0; run < 4 * 24 * 3; run++)
        {
            App.Clock.Advance(TimeSpan.FromMinutes(15));
            if ((await Resetter.RunAsync(default)).Contains("PMC"))
            {
                resets.Add((await App.CounterAsync()).LastResetAt);
            }
        }

        Assert.Equal(new[] { first, second, third }.Select(t => DateTimeOffset.Parse(t, System.Globalization.CultureInfo.InvariantCulture)), resets);
        Assert.Equal(4, (await App.CounterAsync()).Epoch);
    }

    [Fact]
    public async Task ResetCountsEveryoneOutAndTheyMayEnterAgain()
    {
        var pass = await App.IssuedAsync();
        await App.EnterAsync(pass.Code);

        App.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 17, 1, 31, 0, TimeSpan.Zero));
        var reset = await Resetter.RunAsync(default);
        var rollCall = (await App.RollCallAsync("PMC")).Json<RollCall>();
        var again = await App.EnterAsync(pass.Code);

        Assert.Equal(["PMC"], reset); // the other sites reset at 03:00, half an hour later
        Assert.Equal((0, 0), (rollCall.Occupancy, rollCall.Inside.Count));
        Assert.Equal((VerifyResults.Valid, 1), (again.Result, again.Presence!.Occupancy));
    }

    [Fact]
    public async Task SecondRunChangesNothingAndALateRunResetsOnce()
    {
        var first = await Resetter.RunAsync(default);
        var again = await Resetter.RunAsync(default);
        var epoch = (await App.CounterAsync()).Epoch;

        App.Clock.Advance(TimeSpan.FromDays(3));
        var late = await Resetter.RunAsync(default);
        var afterLate = await Resetter.RunAsync(default);

        Assert.Empty(first);
        Assert.Empty(again);
        Assert.Equal(["PMC", "JUSSIEU", "VILLEJUIF"], late);
        Assert.Empty(afterLate);
        Assert.Equal(epoch + 1, (await App.CounterAsync()).Epoch);
        Assert.Equal(new DateTimeOffset(2026, 3, 19, 1, 30, 0, TimeSpan.Zero), (await App.CounterAsync()).LastResetAt);
    }
}
