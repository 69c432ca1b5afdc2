namespace AccessPmc.Tests.Infrastructure;

/// <summary>Fails matching requests before they reach storage, as an outage does, while <see cref="Failing"/> is set.</summary>
public sealed class FailingHandler(Func<HttpRequestMessage, bool> matches) : DelegatingHandler(new SocketsHttpHandler())
{
    public bool Failing { get; set; } = true;

    public int Failed { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Failing && matches(request))
        {
            Failed++;
            throw new HttpRequestException("Injected fault: storage unreachable.");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
