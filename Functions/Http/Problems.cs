using AccessPmc.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccessPmc.Functions.Http;

/// <summary>The HTTP edge of the rules: a <see cref="Violation"/> becomes RFC 9457 problem+json.</summary>
public static class Problems
{
    public static ApiError ToApiError(this Violation violation) => violation.Kind switch
    {
        ViolationKind.Invalid => ApiError.Invalid(violation.Code, violation.Field ?? "$", violation.Message),
        ViolationKind.Forbidden => ApiError.Forbidden(violation.Code, violation.Message),
        ViolationKind.NotFound => new(StatusCodes.Status404NotFound, violation.Code, violation.Message),
        ViolationKind.Conflict => new(StatusCodes.Status409Conflict, violation.Code, violation.Message, "Retry in a few seconds."),
        ViolationKind.StateConflict => new(StatusCodes.Status409Conflict, violation.Code, violation.Message),
        ViolationKind.Unprocessable => new(StatusCodes.Status422UnprocessableEntity, violation.Code, violation.Message),
        ViolationKind.Gone => new(StatusCodes.Status410Gone, violation.Code, violation.Message),
        _ => throw new ArgumentOutOfRangeException(nameof(violation), violation.Kind, "Unknown violation kind."),
    };

    public static ProblemHttpResult ToResult(this Violation violation) => violation.ToApiError().ToResult();

    /// <summary>The problem as a per-item error inside a 200 answer (batch results).</summary>
    public static ApiProblem ToContract(this Violation violation) => violation.ToApiError().ToContract();
}
