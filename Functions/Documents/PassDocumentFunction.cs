using AccessPmc.Functions.ApiDescription;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.Functions.Documents;

/// <summary>
/// <c>GET /api/passes/{id}/document?layout=a4|card|sheet&amp;lang=fr|en</c> (issuer of the pass's unit, admin):
/// <c>application/pdf</c>, shown inline. 400 <c>bad_format</c> for an unknown layout or language, 404 for an
/// unknown or another unit's pass, 410 when the holder data was erased.
/// </summary>
public sealed class PassDocumentFunction(RequestGate gate, PassDocuments documents)
{
    [ApiDescription("A printable PDF of one pass: A4 attestation, ID-1 card, or A4 sheet of cards", Roles = Role.Issuer | Role.Admin, Produces = ["application/pdf"], Query = ["layout: a4 (default), card or sheet", "lang: fr (default) or en"], Problems = ["400 validation_failed", "404 not_found", "410 not_found"])]
    [Function("PassDocument")]
    public async Task<Results<FileContentHttpResult, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/passes/{id}/document")] HttpRequest req, string id, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Issuer | Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        var format = DocumentFormat.Parse(req.Query["layout"].FirstOrDefault(), req.Query["lang"].FirstOrDefault());
        if (format.Error is not null)
        {
            return format.Error.ToResult();
        }

        var pdf = await documents.OneAsync(admission.Admitted, id, format.Value!, ct);
        if (pdf.Violation is not null)
        {
            return pdf.Violation.ToResult();
        }

        return DocumentReply.Pdf(req, pdf.Value!, $"pass-{id}.pdf");
    }
}

/// <summary>How every document leaves the service: inline PDF, never cached (it holds a name and a live code).</summary>
public static class DocumentReply
{
    public static FileContentHttpResult Pdf(HttpRequest req, byte[] pdf, string fileName)
    {
        var headers = req.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        return TypedResults.File(pdf, "application/pdf");
    }
}
