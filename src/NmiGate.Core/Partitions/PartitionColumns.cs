namespace NmiGate.Core.Partitions;

/// <summary>The header names of the id and cluster columns of a partition file.</summary>
public sealed record PartitionColumns
{
    /// <summary>The default column names: <c>id</c> and <c>cluster</c>.</summary>
    public static PartitionColumns Default { get; } = new();

    /// <summary>Creates column names; both must be non-blank and different.</summary>
    /// <exception cref="ArgumentException">A name is blank, or both are the same.</exception>
    public PartitionColumns(string id = "id", string cluster = "cluster")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(cluster);
        if (string.Equals(id, cluster, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The id and cluster columns are both '{id}'; they must be two different columns.", nameof(cluster));
        }

        Id = id;
        Cluster = cluster;
    }

    /// <summary>Header name of the column holding the row id (the join key).</summary>
    public string Id { get; }

    /// <summary>Header name of the column holding the cluster label.</summary>
    public string Cluster { get; }
}
