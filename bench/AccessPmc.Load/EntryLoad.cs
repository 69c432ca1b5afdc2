using System.Net.Http.Headers;
using System.Text.Json;
using AccessPmc.Contracts;

namespace AccessPmc.Load;

/// <summary>
/// Verify with a direction: a pool of passes enters PMC one after another, then leaves, then enters again…, so
/// every request is a presence change (one entity group transaction over the pass's row and the site's counter,
/// all on one counter row: the worst case, one busy site). The occupancy read afterwards must equal entries
/// minus exits of the requests sent, which checks the counter under the same load.
/// </summary>
public sealed class EntryLoad(HttpClient http, Uri api, string scannerKey, IReadOnlyList<string> codes)
{
    private long sent;

    public static async Task<IReadOnlyList<string>> PoolAsync(AccessPmcClient issuer, int size)
    {
        var codes = new List<string>(size);
        for (var b = 0; codes.Count < size; b++)
        {
            var items = Enumerable.Range(0, Math.Min(1000, size - codes.Count))
                .Select(i => new BatchIssueItem("Gate", $"E{b}-{i}", PassKinds.LongTerm, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(30), ["PMC"]))
                .ToList();
            codes.AddRange((await issuer.IssueBatchAsync(new BatchIssueRequest(items))).Items.Select(i => i.Code).OfType<string>());
        }

        return codes;
    }

    public HttpLoad Load => new(http, Next);

    /// <summary>What the site's counter must read once every request sent has been answered.</summary>
    public int ExpectedOccupancy
    {
        get
        {
            var n = Interlocked.Read(ref sent) % (2L * codes.Count);
            return (int)(n <= codes.Count ? n : 2L * codes.Count - n);
        }
    }

    private HttpRequestMessage Next()
    {
        var i = Interlocked.Increment(ref sent) - 1;
        var direction = i / codes.Count % 2 == 0 ? Directions.Entry : Directions.Exit;
        var body = JsonSerializer.SerializeToUtf8Bytes(new VerifyRequest(codes[(int)(i % codes.Count)], "PMC", direction), AccessPmcJson.Default.VerifyRequest);
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(api, "verify")) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", scannerKey);
        return message;
    }
}
