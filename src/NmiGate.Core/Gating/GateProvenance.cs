namespace NmiGate.Core.Gating;

/// <summary>What a result was computed from, so a report or a history line can be traced and reproduced.</summary>
/// <param name="ModelSha256">Lower-case hex SHA-256 of the model file.</param>
/// <param name="DataSha256">Lower-case hex SHA-256 of the held-out data file.</param>
/// <param name="ReferenceSha256">Lower-case hex SHA-256 of the reference's <c>partition.csv</c> (verified against its manifest).</param>
/// <param name="ReferenceVersion">The reference version compared with (<c>v3</c>).</param>
/// <param name="Commit">The commit checked out where the registry is, when it is in a git work tree.</param>
/// <param name="Time">When the check ran, in UTC.</param>
/// <param name="ToolVersion">The NmiGate version that ran it.</param>
/// <param name="Seed">The bootstrap seed, when <c>confidence</c> is configured.</param>
public sealed record GateProvenance(
    string ModelSha256,
    string DataSha256,
    string ReferenceSha256,
    string ReferenceVersion,
    string? Commit,
    DateTime Time,
    string ToolVersion,
    ulong? Seed);
