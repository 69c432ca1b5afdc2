using System.Text;
using AccessPmc.Contracts;
using AccessPmc.Functions.ApiDescription;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.Functions.Passes;

public sealed class PassQrFunction(RequestGate gate, PassAccess passes)
{
    [ApiDescription("The pass's QR image, rendered on demand", Roles = Role.Issuer | Role.Admin, Produces = ["image/png", "image/svg+xml"], Query = ["format: png (default) or svg"], Problems = ["400 bad_format", "404 not_found", "410 not_found"])]
    [Function("PassQr")]
    public async Task<Results<FileContentHttpResult, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/passes/{id}/qr")] HttpRequest req, string id, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Issuer | Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        var format = req.Query["format"].FirstOrDefault()?.ToLowerInvariant() ?? "png";
        if (format is not ("png" or "svg"))
        {
            return ApiError.Invalid(ErrorCodes.BadFormat, "format", "png or svg.").ToResult();
        }

        var pass = await passes.FindWithHolderDataAsync(admission.Admitted, id, ct);
        if (pass.Violation is not null)
        {
            return pass.Violation.ToResult();
        }

        var code = pass.Value!.Code!;

        // Rendered on demand, never stored: the image holds the holder's label.
        req.HttpContext.Response.Headers.CacheControl = "no-store";
        return format == "png"
            ? TypedResults.File(QrRenderer.Png(code), "image/png")
            : TypedResults.File(Encoding.UTF8.GetBytes(QrRenderer.Svg(code)), "image/svg+xml");
    }
}
