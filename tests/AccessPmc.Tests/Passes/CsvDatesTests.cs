using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;

namespace AccessPmc.Tests.Passes;

/// <summary>CSV dates at the edges of the calendar: the row fails alone with date_out_of_range, never the whole file with a 500.</summary>
public sealed class CsvDatesTests(AzuriteFixture azurite) : AppTests(azurite, "csvdates")
{
    private async Task<BatchIssueResponse> SendAsync(string csv, string query = "")
    {
        var reply = await App.CallAsync<IssueBatchFunction>("POST", "/api/passes/batch" + query, null, TestApp.IssuerKey, async (f, r) => (await f.Run(r, default)).Result, csv, "text/csv");
        Assert.True(reply.Status == 200, reply.Body);
        return reply.Json<BatchIssueResponse>();
    }

    [Theory]
    [InlineData("validFrom", "0001-01-01", "")]
    [InlineData("validFrom", "0001-01-01T00:00", "")]
    [InlineData("validFrom", "0001-01-01 00:00:00", "")]
    [InlineData("validFrom", "01/01/0001", "?dates=day-first")]
    [InlineData("validFrom", "01/01/0001 00:00", "?dates=day-first")]
    [InlineData("validUntil", "9999-12-31T23:59", "")]
    [InlineData("validUntil", "9999-12-31", "")]
    [InlineData("validUntil", "31.12.9999", "?dates=day-first")]
    [InlineData("validFrom", "0001-01-01T00:30:00+01:00", "")]
    [InlineData("validUntil", "9999-12-31T23:00:00-05:00", "")]
    [InlineData("validFrom", "0001-01-01T00:30:00Z", "")]
    public async Task ADateAtTheEdgeOfTheCalendarFailsItsRowAloneAsOutOfRange(string column, string date, string query)
    {
        var csv = $"givenName,familyName,kind,{column},sites\nA,B,temporary,{date},PMC\nAda,Lovelace,temporary,,PMC\n";

        var result = await SendAsync(csv, query);

        Assert.Equal((1, 1), (result.Created, result.Failed));
        Assert.Equal((ErrorCodes.DateOutOfRange, column), (result.Items[0].Error!.Code, result.Items[0].Error!.Errors!.Keys.Single()));
    }

    [Fact]
    public async Task AnOffsetBeyondFourteenHoursIsStillNotADate()
    {
        var result = await SendAsync("givenName,familyName,kind,validFrom,sites\nA,B,temporary,2026-03-16T08:00:00+15:00,PMC\n");

        Assert.Equal(ErrorCodes.InvalidDate, Assert.Single(result.Items).Error!.Code);
    }

    [Fact]
    public async Task ALocalDateJustInsideTheRangeIsStillReadInTheSitesZone()
    {
        // 2099-12-31 ends at 22:59:59 UTC in Paris: inside the range, and past the kind's maximum from now.
        var result = await SendAsync("givenName,familyName,kind,validUntil,sites\nA,B,temporary,2099-12-31,PMC\n");

        Assert.Equal(ErrorCodes.ValidityTooLong, Assert.Single(result.Items).Error!.Code);
    }
}
