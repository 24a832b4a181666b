namespace NmiGate.Core.Diff;

/// <summary>A reference cluster and the candidate cluster the matching says it became.</summary>
/// <param name="Reference">Index into the table's reference labels.</param>
/// <param name="ReferenceLabel">The reference cluster's label.</param>
/// <param name="Candidate">Index into the table's candidate labels.</param>
/// <param name="CandidateLabel">The candidate cluster's label.</param>
/// <param name="SharedRows">Rows in both (always positive: zero-weight pairs are not matches).</param>
public sealed record ClusterMatch(int Reference, string ReferenceLabel, int Candidate, string CandidateLabel, long SharedRows);
