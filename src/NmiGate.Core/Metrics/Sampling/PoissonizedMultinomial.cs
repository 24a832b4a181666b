using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NmiGate.Core.Metrics.Sampling;

/// <summary>
/// Exact Multinomial(trials, wᵢ / Σ w) variates for a fixed weight vector and number of trials,
/// drawn many times (a bootstrap's replicates) in O(cells), with every per-cell constant computed
/// once: independent Poisson counts, topped up to the exact number of trials.
/// </summary>
/// <remarks>
/// <para>
/// Independent Xᵢ ~ Poisson(θ·wᵢ) conditioned on their sum S = s are exactly Multinomial(s, wᵢ / Σ w).
/// So with θ·Σ w = trials − <see cref="Slack"/>·√trials a draw with S ≤ trials (all but about 2% of
/// draws, the rest are drawn again, which only conditions on S ≤ trials) is completed by throwing
/// the remaining trials − S trials one by one, each landing in cell i with probability wᵢ / Σ w: a
/// sum of independent multinomials with the same probabilities is the multinomial of the summed
/// trials. Exact, not an approximation; the top-up is about 2√trials trials.
/// </para>
/// <para>
/// Unlike a conditional-binomial chain, whose i-th binomial depends on the trials left by the
/// cells before it, each cell's Poisson mean is fixed: cells with a mean under 10 (most cells of
/// a table with many clusters) draw by searching a cumulative table shared by every cell of the
/// same weight, and the others by PTRS with its constants precomputed. Immutable: one instance
/// serves every replicate and thread.
/// </para>
/// </remarks>
internal sealed class PoissonizedMultinomial
{
    /// <summary>θ·Σ w = trials − Slack·√trials: P(S &gt; trials) ≈ 2.3%, and about 2√trials trials thrown one by one.</summary>
    public const double Slack = 2;

    /// <summary>
    /// Beyond this many trials a Poisson mean would exceed what a double resolves to better than
    /// a unit fraction; such draws use the conditional-binomial chain (<see cref="Multinomial"/>).
    /// </summary>
    public const long MaxPoissonTrials = 1L << 49;

    // 2⁶³: the search tables compare 63-bit uniforms against P(X ≤ k)·2⁶³; a final entry of 2⁶³ stops every search.
    private const ulong Certain = 1UL << 63;

    private readonly long trials;
    private readonly int[] slotCells;
    private readonly int[] smallTables;
    private readonly Poisson[] large;
    private readonly ulong[] thresholds;
    private readonly AliasTable alias;
    private readonly long[] slotWeights;

    public PoissonizedMultinomial(ReadOnlySpan<long> weights, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        this.trials = trials;
        CellCount = weights.Length;
        long totalWeight = 0;
        foreach (var weight in weights)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(weight, nameof(weights));
            totalWeight = checked(totalWeight + weight);
        }

        if (totalWeight == 0)
        {
            throw new ArgumentException("The weights sum to zero: no cell can receive a trial.", nameof(weights));
        }

        // θ = 0 (a handful of trials): every mean is 0, every trial is thrown. Past MaxPoissonTrials
        // the slots are only the order the chain fills.
        var theta = trials > MaxPoissonTrials ? 0 : Math.Max(0, trials - (Slack * Math.Sqrt(trials))) / totalWeight;
        var (smallCells, smallTable, largeCells) = (new List<int>(), new List<int>(), new List<int>());
        var largeMeans = new List<Poisson>();
        var tables = new List<ulong>();
        var tableOf = new Dictionary<long, int>();
        for (var cell = 0; cell < weights.Length; cell++)
        {
            var weight = weights[cell];
            var mean = theta * weight;
            if (weight == 0)
            {
                continue;
            }

            if (mean >= Poisson.TransformedRejectionFrom)
            {
                largeCells.Add(cell);
                largeMeans.Add(new Poisson(mean));
                continue;
            }

            // Cells of equal weight share one table.
            if (!tableOf.TryGetValue(weight, out var offset))
            {
                offset = tables.Count;
                tableOf.Add(weight, offset);
                AppendSearchTable(tables, mean);
            }

            smallCells.Add(cell);
            smallTable.Add(offset);
        }

        slotCells = [.. smallCells, .. largeCells];
        SmallSlotCount = smallCells.Count;
        smallTables = [.. smallTable];
        large = [.. largeMeans];
        thresholds = [.. tables];
        slotWeights = new long[slotCells.Length];
        for (var slot = 0; slot < slotCells.Length; slot++)
        {
            slotWeights[slot] = weights[slotCells[slot]];
        }

        alias = new AliasTable(slotWeights);
    }

    /// <summary>Number of cells (the length of the weight vector).</summary>
    public int CellCount { get; }

    /// <summary>The number of trials every draw distributes.</summary>
    public long Trials => trials;

    /// <summary>
    /// The cell of each slot. A draw fills slots, not cells: every positive-weight cell has one,
    /// the small-mean cells first, then the others, each group in cell order.
    /// </summary>
    public ReadOnlySpan<int> SlotCells => slotCells;

    /// <summary>Slots 0 to SmallSlotCount − 1 hold the small-mean cells.</summary>
    public int SmallSlotCount { get; }

    /// <summary>Fills every cell's count (zero-weight cells get 0).</summary>
    public void Sample(ref Xoshiro256StarStar rng, Span<long> counts) => Sample(ref rng, counts, new long[slotCells.Length]);

    /// <summary>Fills every cell's count (zero-weight cells get 0), drawing into <paramref name="slotCounts"/> (scratch, one per slot).</summary>
    public void Sample(ref Xoshiro256StarStar rng, Span<long> counts, Span<long> slotCounts)
    {
        if (counts.Length != CellCount)
        {
            throw new ArgumentException($"Expected {CellCount} counts to fill, got a span of {counts.Length}.", nameof(counts));
        }

        var drawn = DrawPoissonCounts(ref rng, slotCounts);
        TopUp(ref rng, slotCounts, trials - drawn);

        counts.Clear();
        for (var slot = 0; slot < slotCells.Length; slot++)
        {
            counts[slotCells[slot]] = slotCounts[slot];
        }
    }

    /// <summary>
    /// The first part of a draw: writes every slot's Poisson count and returns their sum
    /// S ≤ <see cref="Trials"/>; <see cref="TopUp"/> completes it.
    /// </summary>
    public long DrawPoissonCounts(ref Xoshiro256StarStar rng, Span<long> slotCounts)
    {
        if (slotCounts.Length != slotCells.Length)
        {
            throw new ArgumentException($"Expected {slotCells.Length} slot counts to fill, got a span of {slotCounts.Length}.", nameof(slotCounts));
        }

        if (trials > MaxPoissonTrials)
        {
            Multinomial.Sample(ref rng, trials, slotWeights, slotCounts);
            return trials;
        }

        while (true)
        {
            // The small-mean slots (most of a table with many clusters), then the others: two tight
            // loops, each in its own method so that its generator stays in registers.
            var drawn = DrawSmall(ref rng, slotCounts[..SmallSlotCount]) + DrawLarge(ref rng, slotCounts[SmallSlotCount..]);

            // About 2% of draws exceed the trials: drawing again conditions on S ≤ trials, which keeps the law exact.
            if (drawn <= trials)
            {
                return drawn;
            }
        }
    }

    /// <summary>
    /// The second part of a draw: <paramref name="remaining"/> = <see cref="Trials"/> − S more trials,
    /// each landing in the slot of cell i with probability wᵢ / Σ w, exactly.
    /// </summary>
    public void TopUp(ref Xoshiro256StarStar rng, Span<long> slotCounts, long remaining)
    {
        var generator = rng; // a local copy: through the reference every step would go through memory
        for (long r = 0; r < remaining; r++)
        {
            slotCounts[alias.Sample(ref generator)]++;
        }

        rng = generator;
    }

    private long DrawSmall(ref Xoshiro256StarStar rng, Span<long> counts)
    {
        var generator = rng; // a local copy: through the reference every step would go through memory
        var tables = smallTables.AsSpan(0, counts.Length);
        ref var table = ref MemoryMarshal.GetArrayDataReference(thresholds);
        long drawn = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var count = Search(ref generator, ref Unsafe.Add(ref table, tables[i]));
            drawn += count;
            counts[i] = count;
        }

        rng = generator;
        return drawn;
    }

    private long DrawLarge(ref Xoshiro256StarStar rng, Span<long> counts)
    {
        if (counts.IsEmpty)
        {
            return 0;
        }

        // The rare slow paths are calls, which would pin a generator they take by reference to
        // memory: they draw from a spare stream seeded from the main one instead.
        var generator = rng;
        var spare = Xoshiro256StarStar.FromSeed(generator.NextUInt64());
        var means = large.AsSpan(0, counts.Length);
        long drawn = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var count = means[i].Sample(ref generator, ref spare);
            drawn += count;
            counts[i] = count;
        }

        rng = generator;
        return drawn;
    }

    /// <summary>Inversion against a shared cumulative table (see <see cref="AppendSearchTable"/>): the first four steps without branches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Search(ref Xoshiro256StarStar rng, ref ulong table)
    {
        var u = rng.NextUInt64() >> 1;

        // Every table holds at least five entries, the last 2⁶³ (above any u), so no read leaves it.
        long k = (u >= table ? 1 : 0) + (u >= Unsafe.Add(ref table, 1) ? 1 : 0)
            + (u >= Unsafe.Add(ref table, 2) ? 1 : 0) + (u >= Unsafe.Add(ref table, 3) ? 1 : 0);
        if (k == 4)
        {
            while (u >= Unsafe.Add(ref table, (nint)k))
            {
                k++;
            }
        }

        return k;
    }

    /// <summary>P(X ≤ k)·2⁶³ for k = 0, 1, …, ending with 2⁶³ once the tail is below 2⁻⁶⁰; at least five entries.</summary>
    private static void AppendSearchTable(List<ulong> tables, double mean)
    {
        var start = tables.Count;
        var probability = Math.Exp(-mean);
        var cumulative = probability;
        for (var k = 1; 1 - cumulative > 1.0 / (1UL << 60) && probability > 0; k++)
        {
            tables.Add((ulong)(cumulative * Certain));
            probability *= mean / k;
            cumulative += probability;
        }

        do
        {
            tables.Add(Certain);
        }
        while (tables.Count - start < 5);
    }
}
