namespace NmiGate.Core.Metrics;

/// <summary>
/// The contingency table of two partitions of the same rows: how many rows each (reference
/// cluster, candidate cluster) pair shares. Every NmiGate metric is computed from it, never from
/// the rows again. The reference partition plays scikit-learn's <c>labels_true</c>, the candidate
/// <c>labels_pred</c>.
/// </summary>
/// <remarks>
/// Stored as its non-zero cells sorted by (reference, candidate) plus both marginals, so a table
/// costs O(cells) whatever the row count. Tables are additive: shards counted apart can be
/// <see cref="Merge(ContingencyTable, ContingencyTable)"/>d. Labels are identified by their invariant-culture text.
/// </remarks>
public sealed partial class ContingencyTable
{
    private readonly string[] referenceLabels;
    private readonly string[] candidateLabels;
    private readonly long[] referenceSizes;
    private readonly long[] candidateSizes;
    private readonly int[] cellReference;
    private readonly int[] cellCandidate;
    private readonly long[] cellCount;

    /// <summary>Number of rows (N).</summary>
    public long RowCount { get; }

    /// <summary>Number of distinct reference clusters.</summary>
    public int ReferenceClusterCount => referenceLabels.Length;

    /// <summary>Number of distinct candidate clusters.</summary>
    public int CandidateClusterCount => candidateLabels.Length;

    /// <summary>Reference cluster labels; a cell's <see cref="ContingencyEntry.Reference"/> indexes this list.</summary>
    public IReadOnlyList<string> ReferenceLabels => referenceLabels;

    /// <summary>Candidate cluster labels; a cell's <see cref="ContingencyEntry.Candidate"/> indexes this list.</summary>
    public IReadOnlyList<string> CandidateLabels => candidateLabels;

    /// <summary>Rows per reference cluster (the table's row sums).</summary>
    public ReadOnlySpan<long> ReferenceSizes => referenceSizes;

    /// <summary>Rows per candidate cluster (the table's column sums).</summary>
    public ReadOnlySpan<long> CandidateSizes => candidateSizes;

    /// <summary>Number of non-zero cells.</summary>
    public int CellCount => cellCount.Length;

    /// <summary>The i-th non-zero cell, in (reference, candidate) order.</summary>
    public ContingencyEntry GetCell(int index) => new(cellReference[index], cellCandidate[index], cellCount[index]);

    /// <summary>The non-zero cells in (reference, candidate) order.</summary>
    public IEnumerable<ContingencyEntry> Cells
    {
        get
        {
            for (var i = 0; i < cellCount.Length; i++)
            {
                yield return GetCell(i);
            }
        }
    }

    /// <summary>Counts of the non-zero cells, aligned with <see cref="GetCell"/>.</summary>
    internal ReadOnlySpan<long> CellCounts => cellCount;

    internal ReadOnlySpan<int> CellReferences => cellReference;

    internal ReadOnlySpan<int> CellCandidates => cellCandidate;

    /// <summary>Shannon entropy (natural log) of the reference partition; 1.0 for an empty table, as scikit-learn.</summary>
    public double ReferenceEntropy { get; }

    /// <summary>Shannon entropy (natural log) of the candidate partition; 1.0 for an empty table, as scikit-learn.</summary>
    public double CandidateEntropy { get; }
}
