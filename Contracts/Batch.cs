namespace AccessPmc.Contracts;

public sealed record BatchIssueItem(
    string? GivenName,
    string? FamilyName,
    string? Kind,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil,
    IReadOnlyList<string>? Sites,
    string? Unit = null,
    string? IdempotencyKey = null);

public sealed record BatchIssueRequest(IReadOnlyList<BatchIssueItem>? Passes);

public static class BatchItemStatuses
{
    public const string Created = "created";
    public const string Existing = "existing";
    public const string Failed = "failed";
}

public sealed record BatchItemResult(int Index, string Status, string? Id, string? Code, ApiProblem? Error);

public sealed record BatchIssueResponse(int Created, int Existing, int Failed, IReadOnlyList<BatchItemResult> Items);
