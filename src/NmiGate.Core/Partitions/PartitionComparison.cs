using NmiGate.Core.Metrics;

namespace NmiGate.Core.Partitions;

/// <summary>The result of comparing two partition files: every metric and the table it came from.</summary>
/// <param name="ReferencePath">The reference file, as given.</param>
/// <param name="CandidatePath">The candidate file, as given.</param>
/// <param name="Table">The contingency table of the aligned rows.</param>
/// <param name="Metrics">Every metric of <paramref name="Table"/>.</param>
public sealed record PartitionComparison(string ReferencePath, string CandidatePath, ContingencyTable Table, MetricSet Metrics)
{
    /// <summary>Reads both files, joins them by id and computes every metric: the whole of <c>nmigate compare</c>.</summary>
    /// <exception cref="NmiGateInputException">A file cannot be read or is malformed, or the ids do not align.</exception>
    public static PartitionComparison Compare(string referencePath, string candidatePath, PartitionColumns? columns = null)
    {
        var reference = PartitionFile.Read(referencePath, columns);
        var candidate = PartitionFile.Read(candidatePath, columns);
        var table = AlignedPartitions.Align(reference, candidate).ToContingencyTable();
        return new PartitionComparison(referencePath, candidatePath, table, MetricSet.From(table));
    }
}
