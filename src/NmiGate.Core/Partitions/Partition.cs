using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace NmiGate.Core.Partitions;

/// <summary>
/// A partition read from a file: one cluster label per unique id, in file order, with the line each
/// row starts on (for messages). Labels are text compared exactly: <c>01</c> and <c>1</c> differ.
/// </summary>
public sealed class Partition
{
    private readonly Dictionary<string, int> rowById;

    internal Partition(string filePath, PartitionColumns columns, string[] ids, string[] clusters, long[] lines, Dictionary<string, int> rowById, int clusterCount)
    {
        FilePath = filePath;
        Columns = columns;
        Ids = ImmutableCollectionsMarshal.AsImmutableArray(ids);
        Clusters = ImmutableCollectionsMarshal.AsImmutableArray(clusters);
        Lines = ImmutableCollectionsMarshal.AsImmutableArray(lines);
        this.rowById = rowById;
        ClusterCount = clusterCount;
    }

    /// <summary>The file, as the caller named it.</summary>
    public string FilePath { get; }

    /// <summary>The columns the ids and labels were read from.</summary>
    public PartitionColumns Columns { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => Ids.Length;

    /// <summary>Number of distinct cluster labels.</summary>
    public int ClusterCount { get; }

    /// <summary>Row ids in file order; unique.</summary>
    public ImmutableArray<string> Ids { get; }

    /// <summary>Cluster label of each row, aligned with <see cref="Ids"/>.</summary>
    public ImmutableArray<string> Clusters { get; }

    /// <summary>The 1-based line each row starts on, aligned with <see cref="Ids"/>.</summary>
    public ImmutableArray<long> Lines { get; }

    /// <summary>Finds the row of <paramref name="id"/> (exact, ordinal match).</summary>
    public bool TryGetRow(string id, out int row) => rowById.TryGetValue(id, out row);
}
