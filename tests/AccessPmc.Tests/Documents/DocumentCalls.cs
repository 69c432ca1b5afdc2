using System.Text;
using System.Text.Json;
using AccessPmc.Contracts;
using AccessPmc.Functions.Documents;
using Microsoft.AspNetCore.Http;
using UglyToad.PdfPig;

namespace AccessPmc.Tests.Documents;

/// <summary>A reply whose body is bytes: a PDF, or problem+json when refused.</summary>
public sealed record PdfReply(int Status, string? ContentType, IHeaderDictionary Headers, byte[] Body)
{
    public string? ProblemCode() =>
        JsonDocument.Parse(Body).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;

    public PdfDocument Open()
    {
        Assert.True(Status == 200, $"{Status}: {Encoding.UTF8.GetString(Body)}");
        Assert.Equal("application/pdf", ContentType);
        return PdfDocument.Open(Body);
    }
}

/// <summary>The document functions called directly, their results executed as the host would.</summary>
public static class DocumentCalls
{
    public static async Task<PdfReply> DocumentAsync(this TestApp app, string id, string query = "", string? key = TestApp.IssuerKey)
    {
        var req = app.Request("GET", $"/api/passes/{id}/document{query}", key: key);
        return await ExecuteAsync(req, (await app.Function<PassDocumentFunction>().Run(req, id, default)).Result);
    }

    public static async Task<PdfReply> DocumentsAsync(this TestApp app, DocumentBatchRequest body, string? key = TestApp.IssuerKey, string? rawBody = null)
    {
        var req = app.Request("POST", "/api/passes/documents", body, key, rawBody);
        return await ExecuteAsync(req, (await app.Function<PassDocumentsFunction>().Run(req, default)).Result);
    }

    /// <summary>All the text of a page with its whitespace removed: wrapped lines compare equal to the unwrapped text.</summary>
    public static string Squashed(this PdfDocument pdf, int page) => Squash(pdf.GetPage(page).Text);

    public static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static async Task<PdfReply> ExecuteAsync(HttpRequest request, IResult result)
    {
        var context = request.HttpContext;
        await result.ExecuteAsync(context);
        return new PdfReply(context.Response.StatusCode, context.Response.ContentType, context.Response.Headers, ((MemoryStream)context.Response.Body).ToArray());
    }
}
