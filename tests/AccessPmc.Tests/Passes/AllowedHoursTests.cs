using AccessPmc.Contracts;

namespace AccessPmc.Tests.Passes;

public sealed class AllowedHoursTests(AzuriteFixture azurite) : AppTests(azurite, "hours", new Dictionary<string, string?> { ["AccessPmc:Kinds:attestation:AllowedHours"] = "07:00-20:00" })
{
    [Theory]
    [InlineData("2026-03-16T07:00:00Z", "2026-03-16T18:00:00Z", 201)]
    [InlineData("2026-03-16T05:00:00Z", "2026-03-16T18:00:00Z", 400)]
    [InlineData("2026-03-16T08:00:00Z", "2026-03-16T19:30:00Z", 400)]
    public async Task AttestationMustStartAndEndInsideAllowedHoursInSiteTime(string from, string until, int status)
    {
        // Paris is UTC+1 in March: 07:00Z is 08:00 there, 19:30Z is 20:30.
        var request = Calls.Typical(PassKinds.Attestation, DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture));

        var reply = await App.IssueAsync(request);

        Assert.Equal(status, reply.Status);
        if (status == 400)
        {
            Assert.Equal(ErrorCodes.OutsideAllowedHours, reply.ProblemCode());
        }
    }
}
