namespace AccessPmc.Contracts;

/// <summary>Identifies a holder for a data-subject request (GDPR articles 15 and 17).</summary>
public sealed record HolderRequest(string? GivenName, string? FamilyName);

public sealed record HolderScan(string PassId, string Site, DateTimeOffset At, string Result, string? Reason);

/// <summary>A holder's passes, the scan events naming them, their presence rows and the anomalies naming them.</summary>
public sealed record HolderExport(
    IReadOnlyList<PassResponse> Passes,
    IReadOnlyList<HolderScan> Scans,
    IReadOnlyList<HolderPresence>? Presence = null,
    IReadOnlyList<Anomaly>? Anomalies = null);

public sealed record HolderErasure(int PassesErased, int PassesRevoked);
