namespace NmiGate.Core.Diff;

/// <summary>A candidate cluster with no reference counterpart (unmatched), and where its rows came from.</summary>
/// <param name="Candidate">Index into the table's candidate labels.</param>
/// <param name="Label">The candidate cluster's label.</param>
/// <param name="Size">Its rows.</param>
/// <param name="Sources">Reference clusters its rows came from, most rows first (ties by label order), at most
/// <see cref="DiffOptions.MaxDestinations"/>; shares are of <paramref name="Size"/>.</param>
/// <param name="OtherSourceRows">Rows from sources not listed.</param>
/// <param name="OtherSourceCount">How many sources are not listed.</param>
public sealed record NewCluster(int Candidate, string Label, long Size, IReadOnlyList<ClusterFlow> Sources, long OtherSourceRows, int OtherSourceCount);
