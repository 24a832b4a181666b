namespace NmiGate.Core.Partitions;

/// <summary>
/// A partition held compactly for alignment: each id's 64-bit hash, sorted, with its cluster as an
/// index into <see cref="Labels"/>. 10 bytes a row instead of an id string and a dictionary entry.
/// </summary>
/// <param name="SortedHashes">The ids' hashes (<see cref="IdHash"/>), ascending and distinct.</param>
/// <param name="Codes">The cluster of each hash, as an index into <paramref name="Labels"/>.</param>
/// <param name="Labels">The distinct cluster labels, as written.</param>
internal sealed record HashedLabels(ulong[] SortedHashes, ushort[] Codes, string[] Labels)
{
    public int RowCount => SortedHashes.Length;
}
