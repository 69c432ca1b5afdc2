using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.EndToEnd.Tests;

/// <summary>Targets for crafted functions.metadata: what SelfHost accepts, and what it must refuse.</summary>
public sealed class SampleFunctions
{
    public Task<IResult> Get(HttpRequest req, string id, CancellationToken ct) => Task.FromResult(Results.Ok(id));

    public IActionResult Action(HttpRequest req, int n) => new OkObjectResult(n);

    public Task Tick(TimerInfo timer, CancellationToken ct) => Task.CompletedTask;

    public Task<IResult> WantsContext(HttpRequest req, FunctionContext context) => Task.FromResult(Results.Ok());

    public Task<string> ReturnsText(HttpRequest req) => Task.FromResult("text");

    public Task<IResult> Plain(HttpRequest req) => Task.FromResult(Results.Ok());

    public IResult File(HttpRequest req, string? path) => Results.Ok(path);
}
