namespace NmiGate.Core.Metrics;

/// <summary>One non-zero cell of a <see cref="ContingencyTable"/>, by dense cluster index.</summary>
/// <param name="Reference">Index into <see cref="ContingencyTable.ReferenceLabels"/>.</param>
/// <param name="Candidate">Index into <see cref="ContingencyTable.CandidateLabels"/>.</param>
/// <param name="Count">How many rows fall in both clusters (always positive).</param>
public readonly record struct ContingencyEntry(int Reference, int Candidate, long Count);
