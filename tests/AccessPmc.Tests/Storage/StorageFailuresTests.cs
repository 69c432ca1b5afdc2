using System.Net.Sockets;
using AccessPmc.Functions.Storage;
using Azure;

namespace AccessPmc.Tests.Storage;

/// <summary>Which failures are the storage's (503 to the caller) rather than the request's.</summary>
public sealed class StorageFailuresTests
{
    public static TheoryData<Exception, bool> Failures => new()
    {
        { new RequestFailedException(0, "connection refused"), true },
        { new RequestFailedException(503, "server busy"), true },
        { new RequestFailedException(500, "operation timed out"), true },
        { new RequestFailedException(429, "throttled"), true },
        { new AggregateException(new RequestFailedException(0, "refused"), new HttpRequestException("reset")), true },
        { new RequestFailedException(0, "wrapped", new SocketException(111)), true },
        { new HttpRequestException("connection refused"), true },
        { new RequestFailedException(409, "conflict"), false },
        { new RequestFailedException(412, "precondition failed"), false },
        { new AggregateException(new RequestFailedException(0, "refused"), new InvalidOperationException()), false },
        { new InvalidOperationException("a bug"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void OutagesAreTheStoragesOtherFailuresAreNot(Exception failure, bool unavailable) =>
        Assert.Equal(unavailable, StorageFailures.IsUnavailable(failure));
}
