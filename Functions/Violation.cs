namespace AccessPmc.Functions;

/// <summary>What kind of rule a request broke; the HTTP edge maps each kind to one status (Http/Problems).</summary>
public enum ViolationKind
{
    /// <summary>A field is missing, malformed or out of range (400).</summary>
    Invalid,

    /// <summary>The caller's scope does not cover it (403).</summary>
    Forbidden,

    /// <summary>No such thing, or not the caller's to see (404).</summary>
    NotFound,

    /// <summary>Clashes with something in progress; retrying later may succeed (409).</summary>
    Conflict,

    /// <summary>Clashes with the thing's state, which will not change (a disabled client): retrying cannot succeed (409).</summary>
    StateConflict,

    /// <summary>Well formed but contradicts what was sent before, e.g. a reused idempotency key (422).</summary>
    Unprocessable,

    /// <summary>Existed, but its data was erased (410).</summary>
    Gone,
}

/// <summary>
/// A business rule's refusal: <see cref="Code"/> is a stable <c>Contracts.ErrorCodes</c> value,
/// <see cref="Field"/> the JSON member at fault (or null), <see cref="Message"/> a sentence for people.
/// Rules and services return it; functions turn it into problem+json.
/// </summary>
public sealed record Violation(ViolationKind Kind, string Code, string? Field, string Message)
{
    public static Violation Invalid(string code, string field, string message) => new(ViolationKind.Invalid, code, field, message);

    public static Violation Forbidden(string code, string message) => new(ViolationKind.Forbidden, code, null, message);

    public static Violation NotFound(string what) => new(ViolationKind.NotFound, Contracts.ErrorCodes.NotFound, null, $"No such {what}.");
}

/// <summary>A value that passed the rules, or the rule it broke.</summary>
public readonly record struct Checked<T>(T? Value, Violation? Violation)
{
    public static implicit operator Checked<T>(T value) => new(value, null);

    public static implicit operator Checked<T>(Violation violation) => new(default, violation);
}
