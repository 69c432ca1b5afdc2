namespace AccessPmc.Contracts;

/// <summary>Identifies a holder for a data-subject request (GDPR articles 15 and 17).</summary>
public sealed record HolderRequest(string? GivenName, string? FamilyName);

public sealed record HolderScan(string PassId, string Site, DateTimeOffset At, string Result, string? Reason);

public sealed record HolderExport(IReadOnlyList<PassResponse> Passes, IReadOnlyList<HolderScan> Scans);

public sealed record HolderErasure(int PassesErased, int PassesRevoked);
