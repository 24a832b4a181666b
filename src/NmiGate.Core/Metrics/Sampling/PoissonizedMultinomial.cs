namespace NmiGate.Core.Metrics.Sampling;

/// <summary>
/// Exact Multinomial(trials, wᵢ / Σ w) variates for a fixed weight vector and number of trials,
/// drawn many times (a bootstrap's replicates) in O(cells + √trials), with every per-cell constant
/// computed once: independent Poisson counts, topped up to the exact number of trials.
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
/// cells before it, each cell's Poisson mean is fixed, and a contingency table's cells share few
/// distinct weights: cells draw by inversion in a table shared by every cell of the same weight
/// (<see cref="PoissonTables"/>), four lanes at a time for means under
/// <see cref="PoissonTables.GuidedFrom"/> (most cells of a table with many clusters), guided for
/// the others (about the same cost whatever the mean); the rest (a large mean no other cell
/// shares, or past the tables' budget) by PTRS with its constants precomputed. Immutable: one
/// instance serves every replicate and thread.
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

    // Table entries (8 or 4 bytes each) beyond which further means are drawn by PTRS instead.
    private const long MaxTableEntries = 1L << 19;

    private readonly long trials;
    private readonly int[] slotCells;
    // Runs of consecutive slots drawn from one table: (table index, slots). No per-slot
    // table reference, so a draw reads nothing per slot but what it writes.
    private readonly (int Table, int Slots)[] smallRuns;
    private readonly (int Table, int Slots)[] guidedRuns;
    private readonly Poisson[] large;
    private readonly PoissonTables tables;
    private readonly AliasTable alias;
    private readonly long[] slotWeights;

    public PoissonizedMultinomial(ReadOnlySpan<long> weights, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        this.trials = trials;
        CellCount = weights.Length;
        var totalWeight = Multinomial.TotalWeight(weights);

        // θ = 0 (a handful of trials): every mean is 0, every trial is thrown. Past MaxPoissonTrials
        // the slots are only the order the chain fills.
        var theta = trials > MaxPoissonTrials ? 0 : Math.Max(0, trials - (Slack * Math.Sqrt(trials))) / totalWeight;
        var sharing = new Dictionary<long, int>();
        foreach (var weight in weights)
        {
            sharing[weight] = sharing.GetValueOrDefault(weight) + 1;
        }

        var (smallCells, smallTable, guidedCells, guidedTable, largeCells) = (new List<int>(), new List<int>(), new List<int>(), new List<int>(), new List<int>());
        var largeMeans = new List<Poisson>();
        var tables = new PoissonTables();
        var tableOf = new Dictionary<long, int>();
        for (var cell = 0; cell < weights.Length; cell++)
        {
            var weight = weights[cell];
            if (weight == 0)
            {
                continue;
            }

            // Cells of equal weight share one table. A mean under PTRS's range always gets one (they
            // are short); a larger mean only if other cells share it and the tables stay in budget.
            var mean = theta * weight;
            if (!tableOf.TryGetValue(weight, out var index))
            {
                var tabulate = mean < Poisson.TransformedRejectionFrom
                    || (mean <= PoissonTables.MaxMean && sharing[weight] > 1 && tables.Entries < MaxTableEntries);
                index = tabulate ? tables.Add(mean) : -1;
                tableOf.Add(weight, index);
            }

            if (index >= 0 && mean < PoissonTables.GuidedFrom)
            {
                smallCells.Add(cell);
                smallTable.Add(index);
            }
            else if (index >= 0)
            {
                guidedCells.Add(cell);
                guidedTable.Add(index);
            }
            else
            {
                largeCells.Add(cell);
                largeMeans.Add(new Poisson(mean));
            }
        }

        // Slots in table order, then cell order: consecutive draws read the same table, which stays
        // in the core's cache (a hundred tables of a few hundred entries would not), and within a
        // table the cells stay in row order. Usually one table holds every small-mean cell.
        var small = smallCells.Zip(smallTable).OrderBy(g => g.Second).ThenBy(g => g.First).ToArray();
        var guided = guidedCells.Zip(guidedTable).OrderBy(g => g.Second).ThenBy(g => g.First).ToArray();
        slotCells = [.. small.Select(g => g.First), .. guided.Select(g => g.First), .. largeCells];
        SmallSlotCount = smallCells.Count;
        TabulatedSlotCount = smallCells.Count + guidedCells.Count;
        this.tables = tables.Freeze();
        smallRuns = Runs(small.Select(g => g.Second));
        guidedRuns = Runs(guided.Select(g => g.Second));
        large = [.. largeMeans];
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
    /// the small-mean cells first, then the guided ones (each group by table, then cell), then the
    /// PTRS ones (in cell order).
    /// </summary>
    public ReadOnlySpan<int> SlotCells => slotCells;

    /// <summary>Slots 0 to SmallSlotCount − 1 hold the cells of mean under <see cref="PoissonTables.GuidedFrom"/>, drawn by short unguided tables.</summary>
    public int SmallSlotCount { get; }

    /// <summary>Slots 0 to TabulatedSlotCount − 1 hold the cells drawn by table (small, then guided); the rest draw by PTRS.</summary>
    public int TabulatedSlotCount { get; }

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
    /// <typeparam name="T">The count type: <c>int</c> halves the memory a draw writes and reads (only when no count can pass int.MaxValue: fewer trials), <c>long</c> otherwise.</typeparam>
    public long DrawPoissonCounts<T>(ref Xoshiro256StarStar rng, Span<T> slotCounts)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        if (typeof(T) == typeof(int) && trials > int.MaxValue)
        {
            throw new InvalidOperationException($"{trials} trials can put more than int.MaxValue in one slot: draw into long counts.");
        }

        if (slotCounts.Length != slotCells.Length)
        {
            throw new ArgumentException($"Expected {slotCells.Length} slot counts to fill, got a span of {slotCounts.Length}.", nameof(slotCounts));
        }

        if (trials > MaxPoissonTrials)
        {
            if (typeof(T) != typeof(long))
            {
                throw new InvalidOperationException("Past MaxPoissonTrials the draw needs long counts.");
            }

            Multinomial.Sample(ref rng, trials, slotWeights, System.Runtime.InteropServices.MemoryMarshal.Cast<T, long>(slotCounts));
            return trials;
        }

        while (true)
        {
            // Small means (most cells of a table with many clusters), larger tabulated means, and the
            // rest: three tight loops, each in its own method so that its generator stays in registers.
            var drawn = DrawSmall(ref rng, slotCounts[..SmallSlotCount])
                + DrawGuided(ref rng, slotCounts[SmallSlotCount..TabulatedSlotCount])
                + DrawLarge(ref rng, slotCounts[TabulatedSlotCount..]);

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
    public void TopUp<T>(ref Xoshiro256StarStar rng, Span<T> slotCounts, long remaining)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        var generator = rng; // a local copy: through the reference every step would go through memory
        for (long r = 0; r < remaining; r++)
        {
            slotCounts[alias.Sample(ref generator)]++;
        }

        rng = generator;
    }

    /// <summary>Maximal runs of equal table numbers: (table, length).</summary>
    private static (int Table, int Slots)[] Runs(IEnumerable<int> tablesInOrder)
    {
        var runs = new List<(int Table, int Slots)>();
        foreach (var table in tablesInOrder)
        {
            if (runs.Count > 0 && runs[^1].Table == table)
            {
                runs[^1] = (table, runs[^1].Slots + 1);
            }
            else
            {
                runs.Add((table, 1));
            }
        }

        return [.. runs];
    }

    private long DrawSmall<T>(ref Xoshiro256StarStar rng, Span<T> counts)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        long drawn = 0;
        var slot = 0;
        foreach (var (table, slots) in smallRuns)
        {
            drawn += tables.SampleUnguidedRun(ref rng, table, counts.Slice(slot, slots));
            slot += slots;
        }

        return drawn;
    }

    private long DrawGuided<T>(ref Xoshiro256StarStar rng, Span<T> counts)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        var generator = rng;
        long drawn = 0;
        var slot = 0;
        foreach (var (table, slots) in guidedRuns)
        {
            var run = counts.Slice(slot, slots);
            for (var i = 0; i < run.Length; i++)
            {
                var count = tables.Sample(ref generator, table);
                drawn += count;
                run[i] = T.CreateTruncating(count);
            }

            slot += slots;
        }

        rng = generator;
        return drawn;
    }

    private long DrawLarge<T>(ref Xoshiro256StarStar rng, Span<T> counts)
        where T : struct, System.Numerics.IBinaryInteger<T>
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
            counts[i] = T.CreateTruncating(count);
        }

        rng = generator;
        return drawn;
    }
}
