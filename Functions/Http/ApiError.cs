using AccessPmc.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AccessPmc.Functions.Http;

/// <summary>A refusal a service can return; becomes RFC 9457 problem+json with a stable <c>code</c>.</summary>
public sealed record ApiError(int Status, string Code, string Title, string? Detail = null, IDictionary<string, string[]>? Errors = null)
{
    public ProblemHttpResult ToResult()
    {
        ProblemDetails problem = Errors is null ? new ProblemDetails() : new HttpValidationProblemDetails(Errors);
        problem.Status = Status;
        problem.Title = Title;
        problem.Detail = Detail;
        problem.Type = $"https://accesspmc.example/problems/{Code}";
        problem.Extensions["code"] = Code;
        return TypedResults.Problem(problem);
    }

    public ApiProblem ToContract() => new(null, Title, Status, Detail, Code, Errors);

    public static ApiError Invalid(string code, string field, string message) =>
        new(StatusCodes.Status400BadRequest, code, "The request is not valid.", message, new Dictionary<string, string[]> { [field] = [message] });

    public static ApiError NotFound(string what) =>
        new(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"No such {what}.");

    public static ApiError Forbidden(string code, string detail) =>
        new(StatusCodes.Status403Forbidden, code, "Not allowed for this client.", detail);
}

/// <summary>A value or the reason there is none.</summary>
public readonly record struct Outcome<T>(T? Value, ApiError? Error)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(ApiError error) => new(default, error);
}
