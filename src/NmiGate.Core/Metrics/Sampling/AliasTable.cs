using System.Runtime.CompilerServices;

namespace NmiGate.Core.Metrics.Sampling;

/// <summary>
/// Walker's alias method in Vose's construction, on exact integers: one draw picks index i with
/// probability wᵢ / Σ w exactly (no rounding at all), in O(1) whatever the number of weights.
/// </summary>
/// <remarks>
/// Column c (of n) holds its own index for the first <c>threshold[c]</c> of Σ w equally likely
/// slots and <c>alias[c]</c> for the rest. The construction scales every weight by n so a column's
/// capacity is Σ w, and moves whole integers only; a draw is a uniform column and a uniform slot.
/// </remarks>
internal sealed class AliasTable
{
    // Each column's threshold and alias side by side: a draw reads one cache line, not two.
    private readonly Column[] columns;
    private readonly ulong total;

    // Lemire's rejection bounds, 2³² mod n and 2³² mod Σ w, when both fit 32 bits (else 0 and the
    // 64-bit path): then one 64-bit output serves both uniforms, a half each.
    private readonly uint columnBound;
    private readonly uint totalBound;
    private readonly bool narrow;

    public AliasTable(ReadOnlySpan<long> weights)
    {
        var n = weights.Length;
        Int128 sum = 0;
        foreach (var weight in weights)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(weight, nameof(weights));
            sum += weight;
        }

        if (n == 0 || sum == 0)
        {
            throw new ArgumentException("The weights sum to zero: no index can be drawn.", nameof(weights));
        }

        total = checked((ulong)sum);
        var threshold = new ulong[n];
        var alias = new int[n];
        var scaled = new Int128[n];
        var below = new Stack<int>();
        var above = new Stack<int>();
        for (var i = 0; i < n; i++)
        {
            scaled[i] = (Int128)weights[i] * n;
            (scaled[i] < sum ? below : above).Push(i);
        }

        while (below.Count > 0 && above.Count > 0)
        {
            // Column s keeps its own share and lends the rest of its capacity to l.
            var s = below.Pop();
            var l = above.Pop();
            threshold[s] = (ulong)scaled[s];
            alias[s] = l;
            scaled[l] -= sum - scaled[s];
            (scaled[l] < sum ? below : above).Push(l);
        }

        // Whatever is left holds exactly one column's capacity (the integers balance exactly).
        foreach (var i in above.Concat(below))
        {
            threshold[i] = total;
            alias[i] = i;
        }

        narrow = total <= uint.MaxValue;
        if (narrow)
        {
            columnBound = (uint)((1UL << 32) % (ulong)n);
            totalBound = (uint)((1UL << 32) % total);
        }

        columns = new Column[n];
        for (var c = 0; c < n; c++)
        {
            columns[c] = new Column(threshold[c], alias[c]);
        }
    }

    /// <summary>Each column's own slots (out of Σ w) and its alias, for tests.</summary>
    internal (ulong[] Threshold, int[] Alias) Columns() => ([.. columns.Select(c => c.Threshold)], [.. columns.Select(c => c.Alias)]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Sample(ref Xoshiro256StarStar rng)
    {
        int index;
        ulong slot;
        if (narrow)
        {
            // Lemire's method on each 32-bit half: the high word of x·bound is uniform on [0, bound)
            // once the products whose low word is under 2³² mod bound are rejected (rarely: then
            // both halves are drawn again, which keeps the pair uniform).
            ulong byColumn, bySlot;
            do
            {
                var x = rng.NextUInt64();
                byColumn = (x >> 32) * (ulong)columns.Length;
                bySlot = (x & uint.MaxValue) * total;
            }
            while ((uint)byColumn < columnBound || (uint)bySlot < totalBound);

            (index, slot) = ((int)(byColumn >> 32), bySlot >> 32);
        }
        else
        {
            index = (int)rng.NextBelow((ulong)columns.Length);
            slot = rng.NextBelow(total);
        }

        // slot < threshold keeps the column, else its alias; without a branch, which would be
        // mispredicted about as often as not (both are below 2⁶³, so the difference's sign decides).
        var column = columns[index];
        var keep = (int)((long)(slot - column.Threshold) >> 63);
        return (index & keep) | (column.Alias & ~keep);
    }

    private readonly record struct Column(ulong Threshold, int Alias);
}
