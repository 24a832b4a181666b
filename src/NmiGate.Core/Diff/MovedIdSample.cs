namespace NmiGate.Core.Diff;

/// <summary>A reproducible sample of the ids of rows that left one reference cluster's match.</summary>
/// <param name="Reference">Index into the table's reference labels.</param>
/// <param name="Label">The reference cluster's label.</param>
/// <param name="MovedRows">All moved rows of the cluster (the sample's population).</param>
/// <param name="Ids">min(requested size, <paramref name="MovedRows"/>) ids, in row order.</param>
public sealed record MovedIdSample(int Reference, string Label, long MovedRows, IReadOnlyList<string> Ids);
