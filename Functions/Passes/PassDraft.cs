namespace AccessPmc.Functions.Passes;

/// <summary>A validated issue request, normalised (site codes from the catalogue, whole seconds).</summary>
public sealed record PassDraft(
    string GivenName,
    string FamilyName,
    string Kind,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    IReadOnlyList<string> Sites,
    string Unit,
    string? DisplayLabel);
