using System.Globalization;
using AccessPmc.Contracts;
using AccessPmc.Functions.ApiDescription;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using AccessPmc.Functions.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Documents;

/// <summary>
/// <c>POST /api/passes/documents</c> (issuer, admin) with <see cref="DocumentBatchRequest"/>: one PDF for 1 to 500
/// ids, in the given order. Refused ids (unknown or another unit's: 404; erased: 410) do not fail the request:
/// they are listed on the PDF's last page(s), and the <c>Documents-Printed</c> / <c>Documents-Refused</c> headers
/// give the counts; so is an id that is not a pass id (400), listed with what is not printable ASCII shown as �.
/// 400 for a malformed request (no ids, over 500, an empty id or one over 64 characters).
/// </summary>
public sealed class PassDocumentsFunction(RequestGate gate, PassDocuments documents, IOptions<AccessPmcOptions> options)
{
    /// <summary>Longer than any pass id (32 hex digits): room for typos to be listed, not for megabytes of them.</summary>
    public const int MaxIdLength = 64;

    [ApiDescription("One PDF for up to 500 passes; refused ids listed on its last page (Documents-Printed, Documents-Refused headers)", Roles = Role.Issuer | Role.Admin, Request = typeof(DocumentBatchRequest), Produces = ["application/pdf"], Problems = ["400 validation_failed", "400 too_many_items"])]
    [Function("PassDocuments")]
    public async Task<Results<FileContentHttpResult, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/passes/documents")] HttpRequest req, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Issuer | Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        var body = await JsonBody.ReadAsync(req, AccessPmcJson.Default.DocumentBatchRequest, options.Value.MaxBatchBodyBytes, ct);
        var ids = body.Error is null ? Ids(body.Value!.Ids) : body.Error;
        if (ids.Error is not null)
        {
            return ids.Error.ToResult();
        }

        var format = DocumentFormat.Parse(body.Value!.Layout, body.Value.Lang);
        if (format.Error is not null)
        {
            return format.Error.ToResult();
        }

        var batch = await documents.ManyAsync(admission.Admitted, ids.Value!, format.Value!, ct);
        var headers = req.HttpContext.Response.Headers;
        headers[DocumentHeaders.Printed] = batch.Printed.ToString(CultureInfo.InvariantCulture);
        headers[DocumentHeaders.Refused] = batch.Refused.ToString(CultureInfo.InvariantCulture);
        return DocumentReply.Pdf(req, batch.Pdf, "passes.pdf");
    }

    private static Outcome<IReadOnlyList<string>> Ids(IReadOnlyList<string>? ids)
    {
        if (ids is not { Count: > 0 })
        {
            return ApiError.Invalid(ErrorCodes.ValidationFailed, "ids", $"Give 1 to {PassDocuments.MaxBatch} pass ids.");
        }

        if (ids.Count > PassDocuments.MaxBatch)
        {
            return ApiError.Invalid(ErrorCodes.TooManyItems, "ids", $"At most {PassDocuments.MaxBatch} ids per request.");
        }

        // Only the size is checked here: a malformed id is refused alone, on the refusal page (PassDocuments.Malformed).
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] is not { Length: > 0 } id || new StringInfo(id).LengthInTextElements > MaxIdLength || id.Length > MaxIdLength * FreeText.MaxUnitsPerCharacter)
            {
                return ApiError.Invalid(ErrorCodes.ValidationFailed, $"ids[{i}]", $"Each id is 1 to {MaxIdLength} characters (text elements); a pass id is 32 lowercase hex digits.");
            }
        }

        return new Outcome<IReadOnlyList<string>>(ids, null);
    }
}
