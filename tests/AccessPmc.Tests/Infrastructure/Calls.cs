using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Verification;

namespace AccessPmc.Tests.Infrastructure;

/// <summary>Each function called directly, the way the host calls it, with its reply executed.</summary>
public static class Calls
{
    public static IssuePassRequest Typical(string kind = PassKinds.Temporary, DateTimeOffset? from = null, DateTimeOffset? until = null, params string[] sites) =>
        new("Jeanne", "Dupont", kind, from ?? TestApp.Start, until ?? TestApp.Start.AddDays(5), sites.Length == 0 ? ["PMC", "JUSSIEU"] : sites);

    public static async Task<Reply> IssueAsync(this TestApp app, object? body, string? key = TestApp.IssuerKey, string? rawBody = null, string? idempotencyKey = null)
    {
        var req = app.Request("POST", "/api/passes", body, key, rawBody);
        if (idempotencyKey is not null)
        {
            req.Headers["Idempotency-Key"] = idempotencyKey;
        }

        return await TestApp.ExecuteAsync(req, await app.Function<IssuePassFunction>().Run(req, default));
    }

    public static async Task<PassResponse> IssuedAsync(this TestApp app, IssuePassRequest? body = null, string key = TestApp.IssuerKey)
    {
        var reply = await app.IssueAsync(body ?? Typical(), key);
        Assert.True(reply.Status == 201, reply.Body);
        return reply.Json<PassResponse>();
    }

    public static async Task<Reply> CallAsync<TFunction>(this TestApp app, string method, string path, object? body, string? key, Func<TFunction, Microsoft.AspNetCore.Http.HttpRequest, Task<Microsoft.AspNetCore.Http.IResult>> run, string? rawBody = null, string contentType = "application/json")
        where TFunction : class
    {
        var req = app.Request(method, path, body, key, rawBody, contentType);
        return await TestApp.ExecuteAsync(req, await run(app.Function<TFunction>(), req));
    }

    public static async Task<Reply> GetAsync(this TestApp app, string id, string? key = TestApp.IssuerKey)
    {
        var req = app.Request("GET", $"/api/passes/{id}", key: key);
        return await TestApp.ExecuteAsync(req, await app.Function<GetPassFunction>().Run(req, id, default));
    }

    public static async Task<Reply> RevokeAsync(this TestApp app, string id, string? reason = "lost badge", string? key = TestApp.IssuerKey)
    {
        var req = app.Request("POST", $"/api/passes/{id}/revoke", new RevokePassRequest(reason), key);
        return await TestApp.ExecuteAsync(req, await app.Function<RevokePassFunction>().Run(req, id, default));
    }

    public static async Task<Reply> QrAsync(this TestApp app, string id, string format, string? key = TestApp.IssuerKey)
    {
        var req = app.Request("GET", $"/api/passes/{id}/qr?format={format}", key: key);
        return await TestApp.ExecuteAsync(req, await app.Function<PassQrFunction>().Run(req, id, default));
    }

    public static async Task<VerifyResponse> VerifyAsync(this TestApp app, string? code, string site = "PMC", string key = TestApp.ScannerKey)
    {
        var reply = await app.VerifyReplyAsync(code, site, key);
        Assert.True(reply.Status == 200, reply.Body);
        return reply.Json<VerifyResponse>();
    }

    public static async Task<Reply> VerifyReplyAsync(this TestApp app, string? code, string site = "PMC", string? key = TestApp.ScannerKey)
    {
        var req = app.Request("POST", "/api/verify", new VerifyRequest(code, site), key);
        return await TestApp.ExecuteAsync(req, await app.Function<VerifyFunction>().Run(req, default));
    }
}
