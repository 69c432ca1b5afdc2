using AccessPmc.Functions.ApiDescription;
using AccessPmc.Contracts;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Presence;
using AccessPmc.Functions.Security;
using AccessPmc.Functions.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Scanner;

/// <summary>
/// <c>POST /api/scans</c>: scans verified offline, uploaded later (scanner and admin roles, the caller's sites).
/// Each valid item becomes a scan event with its original time and <c>Offline = true</c>; a re-upload stores
/// nothing twice (counted as duplicates); a bad item is refused alone, with its index and a problem. Accepted
/// scans are then applied to presence in their own time order, anomalies recorded after the fact (D43).
/// </summary>
public sealed class ScanUploadFunction(RequestGate gate, OfflineScanRules rules, OfflineScanStore store, OfflinePresence presence, IOptions<AccessPmcOptions> options, TimeProvider time)
{
    /// <summary>Items per request: a scanner uploads its queue in chunks of 200.</summary>
    public const int MaxScans = 500;

    [ApiDescription("Scans verified offline, uploaded later (idempotent per scan id), with per-item refusals", Roles = Role.Scanner | Role.Admin, Request = typeof(ScanUploadRequest), Problems = ["400 validation_failed", "400 too_many_items"])]
    [Function("UploadScans")]
    public async Task<Results<Ok<ScanUploadResponse>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/scans")] HttpRequest req, CancellationToken ct)
    {
        var admission = await gate.AdmitAsync(req, Role.Scanner | Role.Admin, ct);
        if (admission.Denied is { } denied)
        {
            return denied;
        }

        var body = await JsonBody.ReadAsync(req, AccessPmcJson.Default.ScanUploadRequest, options.Value.MaxBatchBodyBytes, ct);
        if (body.Error is not null)
        {
            return body.Error.ToResult();
        }

        if (body.Value!.Scans is not { Count: > 0 } scans)
        {
            return ApiError.Invalid(ErrorCodes.ValidationFailed, "scans", "At least one scan.").ToResult();
        }

        if (scans.Count > MaxScans)
        {
            return ApiError.Invalid(ErrorCodes.TooManyItems, "scans", $"At most {MaxScans} scans per request.").ToResult();
        }

        var now = time.GetUtcNow();
        var valid = new List<ScanEventEntity>();
        var accepted = new List<OfflineScan>();
        var errors = new List<ScanUploadError>();
        for (var i = 0; i < scans.Count; i++)
        {
            var outcome = rules.Validate(scans[i], admission.Admitted, now);
            if (outcome.Violation is { } violation)
            {
                errors.Add(new ScanUploadError(i, violation.ToContract()));
            }
            else
            {
                valid.Add(outcome.Value!);
                accepted.Add(scans[i]);
            }
        }

        var (stored, duplicates) = await store.AddAsync(valid, ct);

        // Duplicates too: applying is idempotent per scan id, and completes an upload a crash interrupted.
        await presence.ApplyAsync(admission.Admitted.Id, accepted, ct);
        return TypedResults.Ok(new ScanUploadResponse(stored, duplicates, errors));
    }
}
