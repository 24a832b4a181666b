namespace NmiGate.Core.Scoring;

/// <summary>The candidate partition: each row's id and cluster, in file order.</summary>
public sealed class ScoredPartition
{
    internal ScoredPartition(
        IReadOnlyList<string> ids, IReadOnlyList<uint> clusterIds, TimeSpan elapsed, ModelInputKind inputKind, Dictionary<string, int>? rowById = null, IReadOnlyList<long>? lines = null)
    {
        RowById = rowById;
        Lines = lines;
        Ids = ids;
        ClusterIds = clusterIds;
        Elapsed = elapsed;
        InputKind = inputKind;
    }

    /// <summary>The row index of each id (built by the duplicate check; reused as the partition's id index). Never modified after scoring.</summary>
    internal Dictionary<string, int>? RowById { get; }

    /// <summary>The data-file line of each row, aligned with <see cref="Ids"/>, for messages.</summary>
    internal IReadOnlyList<long>? Lines { get; }

    /// <summary>Row ids as written in the data file, in file order.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>The 1-based cluster key of each row, aligned with <see cref="Ids"/>; never 0.</summary>
    public IReadOnlyList<uint> ClusterIds { get; }

    /// <summary>Number of scored rows.</summary>
    public long RowCount => Ids.Count;

    /// <summary>Wall time of loading and scoring.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>How the data file was turned into the model's input.</summary>
    public ModelInputKind InputKind { get; }
}
