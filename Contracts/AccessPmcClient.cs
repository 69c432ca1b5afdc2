using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AccessPmc.Contracts;

/// <summary>
/// Typed client for staff apps, scanners and admin tools. <paramref name="http"/>'s BaseAddress is the API
/// root including the route prefix, e.g. <c>http://localhost:7071/api/</c>; the API key is sent on each
/// request (not as a default header) so one HttpClient can serve several keys. Refusals become
/// <see cref="AccessPmcException"/>.
/// </summary>
public sealed class AccessPmcClient(HttpClient http, string apiKey)
{
    private static readonly AccessPmcJson Json = AccessPmcJson.Default;

    /// <summary>A client with its own HttpClient for <paramref name="apiBase"/> (e.g. http://localhost:7071/api/).</summary>
    public static AccessPmcClient Create(Uri apiBase, string apiKey) =>
        new(new HttpClient { BaseAddress = apiBase.AbsoluteUri.EndsWith('/') ? apiBase : new Uri(apiBase.AbsoluteUri + "/") }, apiKey);

    // Passes

    /// <summary>201 for a new pass; with the same <paramref name="idempotencyKey"/> and body, the first pass again (200).</summary>
    public Task<PassResponse> IssuePassAsync(IssuePassRequest request, string? idempotencyKey = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, "passes", JsonContent.Create(request, Json.IssuePassRequest), Json.PassResponse, ct,
            idempotencyKey is null ? null : m => m.Headers.Add("Idempotency-Key", idempotencyKey));

    public Task<PassResponse> GetPassAsync(string id, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Get, $"passes/{Escape(id)}", null, Json.PassResponse, ct);

    /// <summary>The caller's passes, newest first; pass <see cref="PassPage.Next"/> back as <paramref name="next"/>.</summary>
    public Task<PassPage> ListPassesAsync(string? unit = null, int? pageSize = null, string? next = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Get, "passes" + Query(("unit", unit), ("pageSize", pageSize?.ToString(CultureInfo.InvariantCulture)), ("next", next)), null, Json.PassPage, ct);

    public Task<PassResponse> RevokePassAsync(string id, string reason, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"passes/{Escape(id)}/revoke", JsonContent.Create(new RevokePassRequest(reason), Json.RevokePassRequest), Json.PassResponse, ct);

    public Task<byte[]> GetQrPngAsync(string id, CancellationToken ct = default) => GetBytesAsync($"passes/{Escape(id)}/qr?format=png", ct);

    public Task<byte[]> GetQrSvgAsync(string id, CancellationToken ct = default) => GetBytesAsync($"passes/{Escape(id)}/qr?format=svg", ct);

    public Task<BatchIssueResponse> IssueBatchAsync(BatchIssueRequest request, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, "passes/batch", JsonContent.Create(request, Json.BatchIssueRequest), Json.BatchIssueResponse, ct);

    /// <summary>The same batch as CSV text (header row first), sent as text/csv.</summary>
    public Task<BatchIssueResponse> IssueBatchCsvAsync(string csv, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, "passes/batch", new StringContent(csv, Encoding.UTF8, "text/csv"), Json.BatchIssueResponse, ct);

    /// <summary>The pass's printable PDF: <paramref name="layout"/> a4 (default), card or sheet; <paramref name="lang"/> fr (default) or en.</summary>
    public Task<byte[]> GetDocumentAsync(string id, string? layout = null, string? lang = null, CancellationToken ct = default) =>
        GetBytesAsync($"passes/{Escape(id)}/document" + Query(("layout", layout), ("lang", lang)), ct);

    /// <summary>One PDF for up to 500 passes, in order; refused ids are listed on its last page(s) and counted.</summary>
    public async Task<DocumentBatch> GetDocumentsAsync(DocumentBatchRequest request, CancellationToken ct = default)
    {
        using var message = Request(HttpMethod.Post, "passes/documents", JsonContent.Create(request, Json.DocumentBatchRequest));
        using var response = await http.SendAsync(message, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        var pdf = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        return new DocumentBatch(pdf, HeaderCount(response, DocumentHeaders.Printed), HeaderCount(response, DocumentHeaders.Refused));
    }

    // Verification (scanners)

    /// <summary>Always a verdict (200) for a readable request; <paramref name="direction"/> is entry, exit or check (default).</summary>
    public Task<VerifyResponse> VerifyAsync(string code, string site, string? direction = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, "verify", JsonContent.Create(new VerifyRequest(code, site, direction), Json.VerifyRequest), Json.VerifyResponse, ct);

    /// <summary>Scans verified offline; idempotent per scan id.</summary>
    public Task<ScanUploadResponse> UploadScansAsync(IReadOnlyList<OfflineScan> scans, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, "scans", JsonContent.Create(new ScanUploadRequest(scans), Json.ScanUploadRequest), Json.ScanUploadResponse, ct);

    /// <summary>Who the caller is: role, units and the sites it may use.</summary>
    public Task<MeResponse> GetMeAsync(CancellationToken ct = default) =>
        SendAsync(HttpMethod.Get, "me", null, Json.MeResponse, ct);

    public Task<JsonWebKeySet> GetKeysAsync(CancellationToken ct = default) =>
        SendAsync(HttpMethod.Get, "keys", null, Json.JsonWebKeySet, ct);

    /// <summary>Revocations newer than <paramref name="since"/> (the previous answer's cursor), all when null.</summary>
    public Task<RevocationList> GetRevocationsAsync(string? since = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Get, "revocations" + Query(("since", since)), null, Json.RevocationList, ct);

    /// <summary>Health answers its document with 503 too: an unhealthy service is an answer, not an exception.</summary>
    public async Task<HealthResponse> HealthAsync(CancellationToken ct = default)
    {
        using var response = await http.SendAsync(Request(HttpMethod.Get, "health", null), ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            return await ReadAsync(response, Json.HealthResponse, ct).ConfigureAwait(false);
        }

        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return await ReadAsync(response, Json.HealthResponse, ct).ConfigureAwait(false);
    }

    // API clients (admin)

    /// <summary>The only time the new key is shown: keep <see cref="ClientWithKey.ApiKey"/>.</summary>
    public Task<ClientWithKey> CreateClientAsync(CreateClientRequest request, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, "clients", JsonContent.Create(request, Json.CreateClientRequest), Json.ClientWithKey, ct);

    public Task<ClientList> ListClientsAsync(CancellationToken ct = default) =>
        SendAsync(HttpMethod.Get, "clients", null, Json.ClientList, ct);

    public Task<ClientResponse> DisableClientAsync(string id, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"clients/{Escape(id)}/disable", null, Json.ClientResponse, ct);

    public Task<ClientWithKey> RotateClientKeyAsync(string id, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"clients/{Escape(id)}/rotate", null, Json.ClientWithKey, ct);

    // Holders' rights (admin): access and erasure

    public Task<HolderExport> ExportHolderAsync(HolderRequest holder, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, "holders/export", JsonContent.Create(holder, Json.HolderRequest), Json.HolderExport, ct);

    public Task<HolderErasure> EraseHolderAsync(HolderRequest holder, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, "holders/erase", JsonContent.Create(holder, Json.HolderRequest), Json.HolderErasure, ct);

    // Plumbing

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> type, CancellationToken ct, Action<HttpRequestMessage>? decorate = null)
    {
        using var request = Request(method, path, content);
        decorate?.Invoke(request);
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return await ReadAsync(response, type, ct).ConfigureAwait(false);
    }

    private async Task<byte[]> GetBytesAsync(string path, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, path, null);
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
    }

    private HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return request;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken ct) =>
        await response.Content.ReadFromJsonAsync(type, ct).ConfigureAwait(false)
        ?? throw new AccessPmcException(response.StatusCode, null, "Empty answer.", null, null);

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var retryAfter = response.Headers.RetryAfter is { } r ? r.Delta ?? (r.Date - DateTimeOffset.UtcNow) : null;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            throw new AccessPmcException(response.StatusCode, null, response.ReasonPhrase, null, retryAfter);
        }

        // Read loosely: a problem may carry extensions (traceId...) that the strict contract types would refuse.
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var errors = root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
            ? e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().Select(x => x.ToString()).ToArray() : [p.Value.ToString()])
            : null;
        throw new AccessPmcException(response.StatusCode, Text("code"), Text("title"), Text("detail"), retryAfter, errors);
    }

    private static int HeaderCount(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new AccessPmcException(response.StatusCode, null, $"The answer lacks a numeric {name} header.", null, null);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static string Query(params (string Name, string? Value)[] pairs)
    {
        var present = pairs.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }
}
