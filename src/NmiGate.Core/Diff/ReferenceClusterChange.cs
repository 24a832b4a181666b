namespace NmiGate.Core.Diff;

/// <summary>What became of one reference cluster. Sizes add up: <c>KeptRows + MovedRows = Size</c>,
/// and <c>MovedRows</c> = the rows of <see cref="Destinations"/> + <see cref="OtherDestinationRows"/>.</summary>
/// <param name="Reference">Index into the table's reference labels.</param>
/// <param name="Label">The reference cluster's label.</param>
/// <param name="Size">Its rows.</param>
/// <param name="Match">The candidate cluster it was matched to, or null.</param>
/// <param name="KeptRows">Rows in the matched candidate cluster (0 when unmatched).</param>
/// <param name="KeptShare"><paramref name="KeptRows"/> / <paramref name="Size"/>.</param>
/// <param name="MovedRows">Rows not in the matched candidate cluster.</param>
/// <param name="Destinations">The candidate clusters other than the match that took its rows, most rows first
/// (ties by label order), at most <see cref="DiffOptions.MaxDestinations"/>; shares are of <paramref name="Size"/>.</param>
/// <param name="OtherDestinationRows">Moved rows in destinations not listed.</param>
/// <param name="OtherDestinationCount">How many destinations are not listed.</param>
/// <param name="Kind">The flag; see <see cref="ChangeKind"/>.</param>
/// <param name="SplitInto">When split: every candidate cluster (matched one included) taking at least the split share, most rows first; else empty.</param>
/// <param name="MergedInto">When merged: the candidate cluster it merged into (its main destination); else null.</param>
/// <param name="MergedWith">When merged: the other reference clusters that candidate cluster holds a large share of, most rows first,
/// each share a fraction of that other cluster's size; else empty.</param>
public sealed record ReferenceClusterChange(
    int Reference,
    string Label,
    long Size,
    ClusterMatch? Match,
    long KeptRows,
    double KeptShare,
    long MovedRows,
    IReadOnlyList<ClusterFlow> Destinations,
    long OtherDestinationRows,
    int OtherDestinationCount,
    ChangeKind Kind,
    IReadOnlyList<ClusterFlow> SplitInto,
    ClusterFlow? MergedInto,
    IReadOnlyList<ClusterFlow> MergedWith);
