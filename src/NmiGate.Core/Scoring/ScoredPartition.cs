namespace NmiGate.Core.Scoring;

/// <summary>The candidate partition: each row's id and cluster, in file order.</summary>
/// <remarks>
/// Scoring keeps each id as a 64-bit hash (12 bytes a row with its key); <see cref="Ids"/> reads
/// the id text back from the data file the first time it is asked for.
/// </remarks>
public sealed class ScoredPartition
{
    private readonly Lazy<(string[] Ids, long[] Lines)> text;

    internal ScoredPartition(
        ScoredRows rows, IReadOnlyList<uint> clusterIds, TimeSpan elapsed, ModelInputKind inputKind)
    {
        Rows = rows;
        ClusterIds = clusterIds;
        Elapsed = elapsed;
        InputKind = inputKind;
        text = new Lazy<(string[], long[])>(rows.ReadText);
    }

    /// <summary>The ids' hashes, sorted, with their rows: what a check aligns by.</summary>
    internal ScoredRows Rows { get; }

    /// <summary>The data-file line of each row, aligned with <see cref="Ids"/>, for messages.</summary>
    internal IReadOnlyList<long> Lines => text.Value.Lines;

    /// <summary>Row ids as written in the data file, in file order (read back from the file on first use).</summary>
    public IReadOnlyList<string> Ids => text.Value.Ids;

    /// <summary>The 1-based cluster key of each row, aligned with <see cref="Ids"/>; never 0.</summary>
    public IReadOnlyList<uint> ClusterIds { get; }

    /// <summary>Number of scored rows.</summary>
    public long RowCount => ClusterIds.Count;

    /// <summary>Wall time of loading and scoring.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>How the data file was turned into the model's input.</summary>
    public ModelInputKind InputKind { get; }

    /// <summary>SHA-256 (lower-case hex) of the data file's bytes as scoring read them, when <see cref="ScoringRequest.HashData"/> asked for it.</summary>
    internal string? DataSha256 { get; init; }
}

/// <summary>The scored file's ids as hashes, sorted, with their keys, and how to read their text back.</summary>
/// <param name="DataPath">The data file.</param>
/// <param name="Separator">Its field separator.</param>
/// <param name="IdField">The id column's index.</param>
/// <param name="SortedHashes">Each row's id hash, ascending (entries past <c>SortedKeys.Count</c> are unused).</param>
/// <param name="SortedKeys">The cluster key of each hash.</param>
/// <param name="HashCollision">Whether two different ids share a hash: align by text then.</param>
/// <param name="OrderDigest">A digest of the hashes in file order (<see cref="DataRows.Digest"/>).</param>
internal sealed record ScoredRows(string DataPath, char Separator, int IdField, ulong[] SortedHashes, IReadOnlyList<uint> SortedKeys, bool HashCollision, ulong OrderDigest)
{
    /// <summary>Every row's id and line, in file order, read back from the data file.</summary>
    public (string[] Ids, long[] Lines) ReadText() => DataRows.ReadAll(DataPath, Separator, IdField, SortedHashes, SortedKeys.Count, OrderDigest);
}
