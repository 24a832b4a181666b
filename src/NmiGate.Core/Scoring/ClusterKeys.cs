using System.Collections;
using NmiGate.Core.Partitions;

namespace NmiGate.Core.Scoring;

/// <summary>
/// Cluster keys in file order, one byte each when the model has at most 255 clusters (the usual
/// case), else four: at 10^6 rows the difference is 3 MB of a check's peak memory.
/// </summary>
internal sealed class ClusterKeys : IReadOnlyList<uint>
{
    private byte[] small;
    private uint[] large;

    /// <param name="maxKey">The largest key the model can return (its key type's count).</param>
    /// <param name="capacity">Rows to make room for.</param>
    public ClusterKeys(ulong maxKey, int capacity)
    {
        small = maxKey <= byte.MaxValue ? new byte[capacity] : [];
        large = maxKey <= byte.MaxValue ? [] : new uint[capacity];
    }

    public int Count { get; private set; }

    public int Capacity => Math.Max(small.Length, large.Length);

    public uint this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return large.Length > 0 ? large[index] : small[index];
        }
    }

    public void Add(uint key)
    {
        if (large.Length > 0)
        {
            large[Count++] = key;
        }
        else if (key <= byte.MaxValue)
        {
            small[Count++] = (byte)key;
        }
        else
        {
            // A key beyond the key type's count: ML.NET does not return one, but never truncate it.
            large = Array.ConvertAll(small, b => (uint)b);
            small = [];
            large[Count++] = key;
        }
    }

    /// <summary>
    /// Sorts the first <see cref="Count"/> of <paramref name="hashes"/> ascending and returns a copy
    /// of these keys in the same order; this instance keeps file order.
    /// </summary>
    public ClusterKeys SortedWith(ulong[] hashes)
    {
        var copy = new ClusterKeys(large.Length > 0 ? uint.MaxValue : byte.MaxValue, Count) { Count = Count };
        if (large.Length > 0)
        {
            Array.Copy(large, copy.large, Count);
            HashSort.Sort(hashes.AsSpan(0, Count), copy.large.AsSpan(0, Count));
        }
        else
        {
            Array.Copy(small, copy.small, Count);
            HashSort.Sort(hashes.AsSpan(0, Count), copy.small.AsSpan(0, Count));
        }

        return copy;
    }

    public void Resize(int capacity)
    {
        if (large.Length > 0)
        {
            Array.Resize(ref large, capacity);
        }
        else
        {
            Array.Resize(ref small, capacity);
        }
    }

    public IEnumerator<uint> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
