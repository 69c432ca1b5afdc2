using System.Globalization;
using System.Reflection;
using AccessPmc.Contracts;
using AccessPmc.Functions.Security;

namespace AccessPmc.Functions.ApiDescription;

/// <summary>A problem a function can answer: its HTTP status and stable code.</summary>
public readonly record struct ProblemCode(int Status, string Code);

/// <summary>
/// The problems of a function: those its <see cref="ApiDescriptionAttribute.Problems"/> names, plus what the shared
/// pieces answer by themselves: the request gate (401, 403, 429, and 503 when storage is down while it reads the
/// client), the body readers (400 invalid JSON, 413, 415), and the one unhandled-error mapping (500).
/// </summary>
public static class ProblemCodes
{
    /// <summary>Every code of <see cref="ErrorCodes"/>.</summary>
    public static IReadOnlySet<string> Known { get; } = typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    public static IEnumerable<ProblemCode> Of(HttpFunction function)
    {
        var described = function.Description;
        foreach (var problem in described?.Problems ?? [])
        {
            yield return Parse(problem);
        }

        if (described is { Roles: not Role.None })
        {
            yield return new(401, ErrorCodes.Unauthenticated);
            yield return new(403, ErrorCodes.Forbidden);
            yield return new(429, ErrorCodes.RateLimited);
            yield return new(503, ErrorCodes.StorageUnavailable);
        }

        if (described?.Request is not null)
        {
            yield return new(400, ErrorCodes.InvalidJson);
            yield return new(413, ErrorCodes.BodyTooLarge);
            yield return new(415, ErrorCodes.UnsupportedMediaType);
        }

        yield return new(500, ErrorCodes.Internal);
    }

    /// <summary><c>"404 not_found"</c>; a malformed entry is kept visible (status 0) for the contract test to catch, never dropped.</summary>
    public static ProblemCode Parse(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && int.TryParse(text[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            ? new(status, text[(space + 1)..])
            : new(0, text);
    }
}
