using System.Text.Json;
using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccessPmc.Tests.Http;

/// <summary>The one mapping of an escaped exception, shared by the worker middleware and SelfHost (end to end: FailureAnswerTests).</summary>
public sealed class UnhandledErrorTests
{
    private static DefaultHttpContext Context()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        return context;
    }

    [Fact]
    public async Task TheAnswerReplacesWhatTheFunctionHadSetAndSaysNothingOfTheException()
    {
        var context = Context();
        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Location = "/api/passes/half-done";

        var answer = UnhandledError.Answer(context, new InvalidOperationException("secret detail PMC1:ABC"), "IssuePass", "corr-1", NullLogger.Instance);
        var reply = await TestApp.ExecuteAsync(context.Request, answer!);

        Assert.Equal((500, "application/problem+json"), (reply.Status, reply.ContentType));
        Assert.False(reply.Headers.ContainsKey("Cache-Control") || reply.Headers.ContainsKey("Location"));
        Assert.Equal(ErrorCodes.Internal, reply.ProblemCode());
        Assert.Equal("corr-1", JsonDocument.Parse(reply.Body).RootElement.GetProperty(UnhandledError.CorrelationIdMember).GetString());
        Assert.DoesNotContain("secret", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("PMC1", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void OnceTheResponseHasStartedThereIsNoAnswerToGive()
    {
        var context = Context();
        context.Features.Set<IHttpResponseFeature>(new StartedResponse());

        Assert.Null(UnhandledError.Answer(context, new InvalidOperationException("late"), "PassQr", "corr-2", NullLogger.Instance));
    }

    private sealed class StartedResponse : HttpResponseFeature
    {
        public override bool HasStarted => true;
    }
}
