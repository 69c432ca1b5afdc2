using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessPmc.Contracts;
using AccessPmc.EndToEnd.Tests.Infrastructure;
using Azure.Data.Tables;

namespace AccessPmc.EndToEnd.Tests;

/// <summary>
/// The answers of a service in trouble, under each host: an exception escaping a function, and a client
/// over its rate limit. Each host gets its own app instance (tight limits, a table that can be broken).
/// </summary>
public abstract class FailureAnswerTests(HostUnderTest host)
{
    /// <summary>A burst of 3 requests per client, refilled at 1 a second: a flood shows at once.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Strained = new Dictionary<string, string?>
    {
        ["Auth:Burst"] = "3",
        ["Auth:PermitsPerSecond"] = "1",
    };

    [Fact]
    public async Task AnExceptionEscapingAFunctionIsAProblem500WithACorrelationIdAndNothingOfTheException()
    {
        // The fault: the pass table deleted under the running app (an operator's slip, a botched restore).
        // Tables are created at start only, so storage answers 404 TableNotFound, which no code handles:
        // a real exception on the production path, with no test hook in the app.
        var table = host.TablePrefix + "Passes";
        await new TableServiceClient(host.StorageConnectionString).DeleteTableAsync(table);
        var request = new IssuePassRequest("Ada", "Lovelace", PassKinds.Temporary, null, DateTimeOffset.UtcNow.AddDays(1), ["PMC"]);

        using var response = await host.SendAsync(HttpMethod.Post, "api/passes", TestApp.IssuerKey, JsonContent.Create(request, AccessPmcJson.Default.IssuePassRequest));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(ErrorCodes.Internal, problem.GetProperty("code").GetString());
        var correlationId = problem.GetProperty("correlationId").GetString()!;
        Assert.True(Guid.TryParse(correlationId, out _), body);
        foreach (var leak in new[] { "Exception", "TableNotFound", "does not exist", table, " at ", "Azure", "Lovelace" })
        {
            Assert.DoesNotContain(leak, body, StringComparison.OrdinalIgnoreCase);
        }

        // The id leads the operator to the failure in the log.
        await RunningHost.WaitUntilAsync(
            () => Task.FromResult(host.Log.Split('\n').Any(line => line.Contains("IssuePass failed; correlation id " + correlationId, StringComparison.Ordinal))),
            $"{host.Name} logged the failure with its correlation id");
    }

    [Fact]
    public async Task AFloodingClientGets429WithRetryAfterAndOthersAreServed()
    {
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 50 && refused is null; i++)
        {
            var response = await host.SendAsync(HttpMethod.Get, "api/keys", TestApp.ScannerKey);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                response.Dispose();
            }
        }

        using var other = await host.SendAsync(HttpMethod.Get, "api/keys", TestApp.AdminKey);

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) >= 1);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(ErrorCodes.RateLimited, JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}

/// <summary>SelfHost with <see cref="FailureAnswerTests.Strained"/> limits.</summary>
public sealed class StrainedSelfHost(AzuriteFixture azurite) : SelfHostUnderTest(azurite)
{
    protected override IReadOnlyDictionary<string, string?> Overrides => FailureAnswerTests.Strained;
}

/// <summary>The Functions host with <see cref="FailureAnswerTests.Strained"/> limits.</summary>
public sealed class StrainedFunctionsHost : FunctionsHostUnderTest
{
    protected override IReadOnlyDictionary<string, string?> Overrides => FailureAnswerTests.Strained;
}

[Collection(AzuriteCollection.Name)]
[Trait("Host", "SelfHost")]
public sealed class FailureAnswersOnSelfHost(StrainedSelfHost host) : FailureAnswerTests(host), IClassFixture<StrainedSelfHost>;

[Collection(AzuriteCollection.Name)]
[Trait("Host", "Functions")]
public sealed class FailureAnswersOnFunctionsHost(StrainedFunctionsHost host) : FailureAnswerTests(host), IClassFixture<StrainedFunctionsHost>;
