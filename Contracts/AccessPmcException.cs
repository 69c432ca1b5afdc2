using System.Net;

namespace AccessPmc.Contracts;

/// <summary>
/// A refusal from the API: the problem+json answer (RFC 9457) with its stable <see cref="Code"/>
/// (see <see cref="ErrorCodes"/>), or just the status when the answer carried no problem document.
/// </summary>
public sealed class AccessPmcException : Exception
{
    public AccessPmcException()
    {
    }

    public AccessPmcException(string message)
        : base(message)
    {
    }

    public AccessPmcException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AccessPmcException(HttpStatusCode status, string? code, string? title, string? detail, TimeSpan? retryAfter, IReadOnlyDictionary<string, string[]>? errors = null)
        : base($"{(int)status} {code ?? status.ToString()}: {title}{(detail is null ? "" : " " + detail)}")
    {
        Status = status;
        Code = code;
        Title = title;
        Detail = detail;
        RetryAfter = retryAfter;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public HttpStatusCode Status { get; }

    /// <summary>The problem's <c>code</c> member; null when the answer was not problem+json (e.g. a 404 for an unknown route).</summary>
    public string? Code { get; }

    public string? Title { get; }

    public string? Detail { get; }

    /// <summary>From the Retry-After header of a 429 (or 503).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Validation errors per field, when the API gave them.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]>();
}
