using System.Text.Json;
using AccessPmc.Functions.Configuration;
using AccessPmc.PassFormat;
using Microsoft.Extensions.Configuration;

namespace AccessPmc.Tests.Configuration;

/// <summary>The app checks its schedule settings itself, so the Functions host and SelfHost refuse the same values alike.</summary>
public sealed class TimerSchedulesTests
{
    [Theory]
    [InlineData("*/5 * * * *", "ExpirePassesSchedule: '*/5 * * * *' has 5 fields; write 6 fields, in UTC: second minute hour day-of-month month day-of-week")]
    [InlineData("00:05:00", "ExpirePassesSchedule: '00:05:00' has 1 field; write 6 fields")]
    [InlineData("0 0 3 * * MON-XYZ", "ExpirePassesSchedule: '0 0 3 * * MON-XYZ': the day-of-week field (6 of 6), 'MON-XYZ', cannot be read;")]
    [InlineData("0 70 3 * * *", "ExpirePassesSchedule: '0 70 3 * * *': the minute field (2 of 6), '70', cannot be read;")]
    [InlineData("", "ExpirePassesSchedule: not set; give the schedule as 6 fields")]
    public void AScheduleSettingOutOfFormIsRefusedNamingTheSettingAndField(string value, string expected)
    {
        var error = Assert.Throws<SettingsException>(() => TimerSchedules.Parse("ExpirePassesSchedule", value));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASixFieldScheduleIsAccepted()
    {
        Assert.Equal(new DateTime(2026, 1, 1, 2, 30, 0), TimerSchedules.Parse("PurgePersonalDataSchedule", "0 30 2 * * *").GetNextOccurrence(new DateTime(2026, 1, 1)));
    }

    [Fact]
    public void EveryScheduleSettingIsCheckedAndEachRefusalNamed()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ExpirePassesSchedule"] = "*/5 * * * *",
            ["PresenceResetSchedule"] = "0 */5 * * * *",
        }).Build();

        var line = StartupFailure.From(Assert.Throws<AggregateException>(() => TimerSchedules.Check(configuration)));

        Assert.True(line.IsRefusal);
        Assert.StartsWith("ExpirePassesSchedule: '*/5 * * * *' has 5 fields", line.Line, StringComparison.Ordinal);
        Assert.Contains("; PurgePersonalDataSchedule: not set;", line.Line, StringComparison.Ordinal);
        Assert.DoesNotContain("PresenceResetSchedule", line.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCheckedSettingsAreTheSchedulesTheHostsRead()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        var declared = doc.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.TryGetProperty("schedule", out _))
            .Select(b => b.GetProperty("schedule").GetString()!.Trim('%'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(declared, TimerSchedules.Settings);
    }
}
