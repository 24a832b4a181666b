namespace NmiGate.Core.Diff;

/// <summary>
/// The contingency diff: how the candidate partition regroups the reference clusters, once the
/// clusters are aligned by a maximum-weight matching. Totals add up: <c>KeptRows + MovedRows = RowCount</c>.
/// </summary>
/// <param name="RowCount">Rows (N).</param>
/// <param name="KeptRows">Rows whose candidate cluster is their reference cluster's match (the matching's weight).</param>
/// <param name="MovedRows">All other rows.</param>
/// <param name="Matches">The matched pairs, in reference label order.</param>
/// <param name="ReferenceClusters">One entry per reference cluster, most moved rows first (ties by label order).</param>
/// <param name="NewClusters">Unmatched candidate clusters, largest first (ties by label order).</param>
/// <param name="Options">The thresholds used.</param>
public sealed record ClusterDiff(
    long RowCount,
    long KeptRows,
    long MovedRows,
    IReadOnlyList<ClusterMatch> Matches,
    IReadOnlyList<ReferenceClusterChange> ReferenceClusters,
    IReadOnlyList<NewCluster> NewClusters,
    DiffOptions Options);
