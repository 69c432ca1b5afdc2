using AccessPmc.Contracts;

namespace AccessPmc.Tests.Presence;

public sealed class AnomaliesFunctionTests(AzuriteFixture azurite) : AppTests(azurite, "anomalies")
{
    private static string Q(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    /// <summary>One revoked pass shown <paramref name="times"/> times, a minute apart: as many anomalies.</summary>
    private async Task<PassResponse> RevokedShownAsync(int times, string site = "PMC")
    {
        var pass = await App.IssuedAsync();
        await App.RevokeAsync(pass.Id);
        for (var i = 0; i < times; i++)
        {
            await App.VerifyAsync(pass.Code, site);
            App.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await App.RecordedAnomaliesAsync();
        return pass;
    }

    [Fact]
    public async Task PagesFollowTheTokenOldestFirst()
    {
        await RevokedShownAsync(5);

        var seen = new List<Anomaly>();
        var sizes = new List<int>();
        string? next = null;
        do
        {
            var page = (await App.AnomaliesAsync("?pageSize=2" + (next is null ? "" : "&next=" + Uri.EscapeDataString(next)))).Json<AnomalyPage>();
            sizes.Add(page.Items.Count);
            seen.AddRange(page.Items);
            next = page.Next;
        }
        while (next is not null);

        Assert.Equal([2, 2, 1], sizes);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => TestApp.Start.AddMinutes(i)), seen.Select(a => a.At));
    }

    [Fact]
    public async Task SiteAndRangeFilterTheList()
    {
        await RevokedShownAsync(2, "PMC");
        await RevokedShownAsync(1, "JUSSIEU");
        var to = App.Clock.GetUtcNow();

        var jussieu = (await App.AnomaliesAsync("?site=jussieu")).Json<AnomalyPage>();
        var firstMinute = (await App.AnomaliesAsync($"?from={Q(TestApp.Start)}&to={Q(TestApp.Start.AddMinutes(1))}")).Json<AnomalyPage>();
        var lastDay = (await App.AnomaliesAsync()).Json<AnomalyPage>();
        var before = (await App.AnomaliesAsync($"?from={Q(to.AddDays(-3))}&to={Q(to.AddDays(-2))}")).Json<AnomalyPage>();

        Assert.Equal(["JUSSIEU"], jussieu.Items.SelectMany(a => a.Sites));
        Assert.Equal([TestApp.Start], firstMinute.Items.Select(a => a.At));
        Assert.Equal(3, lastDay.Items.Count);
        Assert.Empty(before.Items);
    }

    [Fact]
    public async Task AnomalyRecordedThisVeryInstantIsInTheDefaultRange()
    {
        var pass = await App.IssuedAsync();
        await App.RevokeAsync(pass.Id);
        App.Clock.Advance(TimeSpan.FromTicks(1234567));
        await App.VerifyAsync(pass.Code);
        await App.RecordedAnomaliesAsync();

        var page = (await App.AnomaliesAsync()).Json<AnomalyPage>();

        Assert.Equal(App.Clock.GetUtcNow(), Assert.Single(page.Items).At);
    }

    [Theory]
    [InlineData("?site=MARS", ErrorCodes.UnknownSite, "site")]
    [InlineData("?from=2026-03-16T08:00:00Z&to=2026-03-16T07:00:00Z", ErrorCodes.ValidationFailed, "from")]
    [InlineData("?from=2026-01-01T00:00:00Z&to=2026-03-16T00:00:00Z", ErrorCodes.ValidationFailed, "from")]
    [InlineData("?from=2026-03-16T07:00:00", ErrorCodes.ValidationFailed, "from")]
    [InlineData("?to=yesterday", ErrorCodes.ValidationFailed, "to")]
    [InlineData("?to=0001-01-01T00:00:00Z", ErrorCodes.DateOutOfRange, "to")]
    [InlineData("?from=0001-01-01T00:00:00Z&to=2026-03-16T00:00:00Z", ErrorCodes.DateOutOfRange, "from")]
    [InlineData("?to=9999-12-31T23:59:59Z", ErrorCodes.DateOutOfRange, "to")]
    [InlineData("?pageSize=0", ErrorCodes.ValidationFailed, "pageSize")]
    [InlineData("?pageSize=1000", ErrorCodes.ValidationFailed, "pageSize")]
    [InlineData("?next=garbage", ErrorCodes.InvalidCursor, "next")]
    [InlineData("?next=2026-03-16T07%3A00%3A00Z", ErrorCodes.InvalidCursor, "next")]
    public async Task BadParametersAre400WithTheFieldNamed(string query, string code, string field)
    {
        var reply = await App.AnomaliesAsync(query);

        Assert.Equal((400, "application/problem+json", code), (reply.Status, reply.ContentType, reply.ProblemCode()));
        Assert.Contains($"\"{field}\"", reply.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestApp.ScannerKey)]
    [InlineData(TestApp.IssuerKey)]
    public async Task OnlyAdminsMayListAnomalies(string key)
    {
        Assert.Equal(403, (await App.AnomaliesAsync(key: key)).Status);
    }
}
