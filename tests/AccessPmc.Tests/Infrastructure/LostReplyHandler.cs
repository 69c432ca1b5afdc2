namespace AccessPmc.Tests.Infrastructure;

/// <summary>
/// Lets a write reach storage, then loses its reply, the way a dropped connection does: the storage
/// has committed, the client sees an error and retries.
/// </summary>
public sealed class LostReplyHandler(Func<HttpRequestMessage, bool> matches, int times = 1) : DelegatingHandler(new SocketsHttpHandler())
{
    private int left = times;

    public int Lost { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (matches(request) && Interlocked.Decrement(ref left) >= 0)
        {
            Lost++;
            response.Dispose();
            throw new HttpRequestException("Injected fault: connection reset after the write committed.");
        }

        return response;
    }
}
