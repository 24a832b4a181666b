using System.Runtime.CompilerServices;

namespace NmiGate.Core.Partitions;

/// <summary>
/// Sorts 64-bit id hashes ascending with a small payload (a cluster key or code) moved alongside:
/// an in-place radix sort on the top byte, then the next, down to buckets small enough for
/// insertion sort. Hashes are close to uniform, so two passes leave about n / 65,536 keys a
/// bucket; equal keys only cost one more pass per byte, never quadratic time.
/// </summary>
/// <remarks>
/// <c>Array.Sort(keys, items)</c> did the same job in about twice the time warm, and in a fresh
/// process far longer: its generic instantiation over these payloads is not precompiled, so it
/// ran as unoptimised code. No buffer the size of the input is allocated (peak memory counts).
/// </remarks>
internal static class HashSort
{
    private const int InsertionLimit = 32;

    /// <summary>Sorts <paramref name="keys"/> ascending, applying the same moves to <paramref name="items"/> (same length).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort<T>(Span<ulong> keys, Span<T> items)
        where T : unmanaged
    {
        if (keys.Length != items.Length)
        {
            throw new ArgumentException("Keys and items differ in length.", nameof(items));
        }

        SortByte(keys, items, 56);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SortByte<T>(Span<ulong> keys, Span<T> items, int shift)
        where T : unmanaged
    {
        if (keys.Length <= InsertionLimit)
        {
            InsertionSort(keys, items);
            return;
        }

        Span<int> next = stackalloc int[256];
        Span<int> ends = stackalloc int[256];
        ends.Clear();
        foreach (var key in keys)
        {
            ends[(int)(key >> shift) & 0xFF]++;
        }

        var total = 0;
        for (var b = 0; b < 256; b++)
        {
            next[b] = total;
            total += ends[b];
            ends[b] = total;
        }

        // American flag permutation: take the next misplaced key of bucket b and swap it into
        // place in its own bucket until a key belonging to b comes back.
        for (var b = 0; b < 256; b++)
        {
            while (next[b] < ends[b])
            {
                var key = keys[next[b]];
                var item = items[next[b]];
                var home = (int)(key >> shift) & 0xFF;
                while (home != b)
                {
                    var slot = next[home]++;
                    (key, keys[slot]) = (keys[slot], key);
                    (item, items[slot]) = (items[slot], item);
                    home = (int)(key >> shift) & 0xFF;
                }

                keys[next[b]] = key;
                items[next[b]] = item;
                next[b]++;
            }
        }

        if (shift == 0)
        {
            return; // every byte compared: each bucket holds one key value
        }

        var start = 0;
        for (var b = 0; b < 256; b++)
        {
            var end = ends[b];
            if (end - start > 1)
            {
                SortByte(keys[start..end], items[start..end], shift - 8);
            }

            start = end;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InsertionSort<T>(Span<ulong> keys, Span<T> items)
        where T : unmanaged
    {
        for (var i = 1; i < keys.Length; i++)
        {
            var key = keys[i];
            var item = items[i];
            var j = i - 1;
            while (j >= 0 && keys[j] > key)
            {
                keys[j + 1] = keys[j];
                items[j + 1] = items[j];
                j--;
            }

            keys[j + 1] = key;
            items[j + 1] = item;
        }
    }
}
