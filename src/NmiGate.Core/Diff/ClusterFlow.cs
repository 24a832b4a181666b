namespace NmiGate.Core.Diff;

/// <summary>
/// Rows flowing between one cluster and another: for a reference cluster, a candidate cluster its
/// rows went to; for a new candidate cluster, a reference cluster its rows came from.
/// </summary>
/// <param name="Cluster">Index of the other cluster in the table's labels of its side.</param>
/// <param name="Label">The other cluster's label.</param>
/// <param name="Rows">Rows shared by the two clusters.</param>
/// <param name="Share">Rows as a fraction of the cluster the flow is listed under, except in
/// <see cref="ReferenceClusterChange.MergedWith"/>, where it is a fraction of the other reference cluster.</param>
public sealed record ClusterFlow(int Cluster, string Label, long Rows, double Share);
