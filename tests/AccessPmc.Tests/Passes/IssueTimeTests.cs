using System.Globalization;
using AccessPmc.Contracts;

namespace AccessPmc.Tests.Passes;

/// <summary>Dates are bounded, and a kind's maximum validity counts calendar days in the site's time zone.</summary>
public sealed class IssueTimeTests(AzuriteFixture azurite) : AppTests(azurite, "time")
{
    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("9999-12-30T00:00:00Z", "9999-12-31T00:00:00Z")]
    [InlineData("2026-03-16T09:00:00Z", "9999-12-31T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z", "2026-03-17T00:00:00Z")]
    [InlineData("2100-01-02T00:00:00Z", null)]
    public async Task DatesOutsideTheDocumentedRangeAre400NotA500(string from, string? until)
    {
        var reply = await App.IssueAsync(Calls.Typical(from: At(from), until: until is null ? null : At(until)));

        Assert.Equal((400, ErrorCodes.DateOutOfRange), (reply.Status, reply.ProblemCode()));
    }

    [Fact]
    public async Task ADefaultEndPastTheDocumentedRangeIsRefusedAndSaysToGiveOne()
    {
        var reply = await App.IssueAsync(Calls.Typical(PassKinds.LongTerm, from: At("2100-01-01T00:00:00Z")) with { ValidUntil = null });

        Assert.Equal((400, ErrorCodes.DateOutOfRange), (reply.Status, reply.ProblemCode()));
        Assert.Contains("give validUntil", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWeekFromEightToEightLocalSpansTheEndOfDaylightSaving()
    {
        var reply = await App.IssueAsync(Calls.Typical(from: At("2027-10-28T08:00:00+02:00"), until: At("2027-11-04T08:00:00+01:00"), sites: "PMC"));

        Assert.Equal(201, reply.Status);
    }

    [Fact]
    public async Task ADayMoreThanTheKindAllowsIsStillRefused()
    {
        var reply = await App.IssueAsync(Calls.Typical(from: At("2027-10-28T08:00:00+02:00"), until: At("2027-11-04T08:00:01+01:00"), sites: "PMC"));

        Assert.Equal((400, ErrorCodes.ValidityTooLong), (reply.Status, reply.ProblemCode()));
    }

    [Fact]
    public async Task AWeekAcrossTheStartOfDaylightSavingEndsAtTheSameLocalTime()
    {
        // 2027-03-28: clocks go forward in Paris; 08:00 to 08:00 local is 6 days and 23 hours.
        var ok = await App.IssueAsync(Calls.Typical(from: At("2027-03-25T08:00:00+01:00"), until: At("2027-04-01T08:00:00+02:00"), sites: "PMC"));
        var over = await App.IssueAsync(Calls.Typical(from: At("2027-03-25T08:00:00+01:00"), until: At("2027-04-01T08:30:00+02:00"), sites: "PMC"));

        Assert.Equal((201, 400), (ok.Status, over.Status));
    }

    [Fact]
    public async Task WithoutAnEndThePassLastsTheKindsCalendarDays()
    {
        var pass = (await App.IssueAsync(Calls.Typical(from: At("2027-10-28T08:00:00+02:00"), sites: "PMC") with { ValidUntil = null })).Json<PassResponse>();

        Assert.Equal(At("2027-11-04T08:00:00+01:00"), pass.ValidUntil);
    }
}
