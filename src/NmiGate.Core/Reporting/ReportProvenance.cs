namespace NmiGate.Core.Reporting;

/// <summary>Where the compared things came from; every field but the tool version may be unknown.</summary>
/// <param name="ToolVersion">The NmiGate version that made the report.</param>
/// <param name="ModelSha256">SHA-256 of the candidate model file.</param>
/// <param name="DataSha256">SHA-256 of the held-out data file.</param>
/// <param name="ReferenceSha256">SHA-256 of the reference partition.</param>
/// <param name="Seed">The seed of the bootstrap and the moved-id sample.</param>
/// <param name="Commit">The commit checked.</param>
/// <param name="Time">When the check ran.</param>
public sealed record ReportProvenance(
    string ToolVersion,
    string? ModelSha256 = null,
    string? DataSha256 = null,
    string? ReferenceSha256 = null,
    ulong? Seed = null,
    string? Commit = null,
    DateTimeOffset? Time = null);
