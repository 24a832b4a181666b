namespace NmiGate.Core.Metrics.Sampling;

/// <summary>
/// Exact Multinomial(trials, wᵢ / Σ w) variates for a fixed weight vector, drawn many times: cells
/// with large weights by conditional binomials, the small ones by throwing balls into slots.
/// </summary>
/// <remarks>
/// A table with many cells holds mostly counts of 1 or 2; a conditional binomial costs ~40 ns per
/// cell whatever its weight, a thrown ball ~3 ns. So the cells are split: the large ones (weight
/// &gt; <see cref="DefaultSmallLimit"/>) form the conditional-binomial chain, and the small ones
/// together form its last link, which takes the remaining trials T. Given T, the small cells'
/// counts are Multinomial(T, wᵢ / W_small): each of the T trials picks one of W_small equally likely
/// slots, wᵢ of which belong to cell i. Both steps are exact, so the joint law is exactly the
/// multinomial's (the chain's order of cells does not matter). Immutable: one instance serves
/// every replicate and thread.
/// </remarks>
internal sealed class HybridMultinomial
{
    /// <summary>Cells with at most this weight are thrown as balls; chosen by timing (see benchmarks/README.md, section 3).</summary>
    public const long DefaultSmallLimit = 8;

    // The slot array is an int[]; beyond this the small group falls back to binomials.
    private const long MaxSlots = 1L << 30;

    private readonly int[] largeCells;
    private readonly long[] largeWeights;
    private readonly int[] slotCells;
    private readonly int[] smallCells;
    private readonly long totalWeight;
    private readonly uint slotThreshold;

    public HybridMultinomial(ReadOnlySpan<long> weights, long smallLimit = DefaultSmallLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(smallLimit);
        long smallWeight = 0;
        var large = new List<int>();
        var small = new List<int>();
        for (var i = 0; i < weights.Length; i++)
        {
            var weight = weights[i];
            ArgumentOutOfRangeException.ThrowIfNegative(weight, nameof(weights));
            totalWeight = checked(totalWeight + weight);
            if (weight == 0)
            {
                continue;
            }

            if (weight <= smallLimit)
            {
                small.Add(i);
                smallWeight += weight;
            }
            else
            {
                large.Add(i);
            }
        }

        if (totalWeight == 0)
        {
            throw new ArgumentException("The weights sum to zero: no cell can receive a trial.", nameof(weights));
        }

        if (smallWeight > MaxSlots)
        {
            large.AddRange(small);
            large.Sort();
            small.Clear();
            smallWeight = 0;
        }

        CellCount = weights.Length;
        largeCells = [.. large];
        largeWeights = new long[largeCells.Length];
        for (var i = 0; i < largeCells.Length; i++)
        {
            largeWeights[i] = weights[largeCells[i]];
        }

        smallCells = [.. small];
        slotCells = new int[smallWeight];
        var slot = 0;
        foreach (var cell in small)
        {
            slotCells.AsSpan(slot, (int)weights[cell]).Fill(cell);
            slot += (int)weights[cell];
        }

        // Lemire's rejection bound for a uniform slot: 2³² mod W (see ThrowBalls).
        slotThreshold = slotCells.Length == 0 ? 0 : (uint)((1UL << 32) % (ulong)slotCells.Length);
    }

    /// <summary>Number of cells (the length of the weight vector).</summary>
    public int CellCount { get; }

    /// <summary>The large cells' indices, in the chain's order.</summary>
    public ReadOnlySpan<int> LargeCells => largeCells;

    /// <summary>The small cells' indices (the ones thrown as balls).</summary>
    public ReadOnlySpan<int> SmallCells => smallCells;

    /// <summary>Fills every cell's count, as <see cref="Multinomial.Sample"/> does.</summary>
    public void Sample(ref Xoshiro256StarStar rng, long trials, Span<long> counts)
    {
        if (counts.Length != CellCount)
        {
            throw new ArgumentException($"Expected {CellCount} counts to fill, got a span of {counts.Length}.", nameof(counts));
        }

        var balls = SampleLarge(ref rng, trials, counts);
        foreach (var cell in smallCells)
        {
            counts[cell] = 0;
        }

        if (balls > 0)
        {
            // A small cell's count cannot exceed the balls thrown, so a long counter never overflows.
            ThrowBalls(ref rng, balls, counts, touched: []);
        }
    }

    /// <summary>
    /// The chain over the large cells: writes their counts and returns the trials left for the
    /// small group (0 when there is none, since the last large cell then takes the remainder).
    /// </summary>
    public long SampleLarge(ref Xoshiro256StarStar rng, long trials, Span<long> counts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        var remainingTrials = trials;
        var remainingWeight = totalWeight;
        var last = slotCells.Length == 0 ? largeCells.Length - 1 : largeCells.Length;
        for (var i = 0; i < largeCells.Length; i++)
        {
            long count;
            if (remainingTrials == 0)
            {
                count = 0;
            }
            else if (i == last)
            {
                count = remainingTrials; // conditional probability 1
            }
            else
            {
                count = Binomial.Sample(ref rng, remainingTrials, largeWeights[i], remainingWeight);
            }

            counts[largeCells[i]] = count;
            remainingTrials -= count;
            remainingWeight -= largeWeights[i];
        }

        return remainingTrials;
    }

    /// <summary>
    /// Throws <paramref name="balls"/> balls into the small cells' slots, adding to
    /// <paramref name="counts"/>. When <paramref name="touched"/> is not empty, each cell whose
    /// count leaves 0 is appended to it (it must hold every small cell) and their number returned.
    /// </summary>
    public int ThrowBalls<T>(ref Xoshiro256StarStar rng, long balls, Span<T> counts, Span<int> touched)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        // Lemire's nearly-divisionless range reduction ("Fast random integer generation in an
        // interval", 2019): the high 32 bits of x·W for a uniform 32-bit x are uniform on [0, W)
        // once the 2³² mod W low products below that bound are rejected, so every slot has
        // exactly the same probability. Each 64-bit output serves two balls.
        var slots = slotCells;
        var w = (ulong)slots.Length;
        var threshold = slotThreshold;
        var recordTouched = !touched.IsEmpty;
        var touchedCount = 0;
        ulong buffer = 0;
        var buffered = false;
        for (long b = 0; b < balls; b++)
        {
            ulong product;
            do
            {
                uint x;
                if (buffered)
                {
                    x = (uint)buffer;
                    buffered = false;
                }
                else
                {
                    buffer = rng.NextUInt64();
                    x = (uint)(buffer >> 32);
                    buffered = true;
                }

                product = x * w;
            }
            while ((uint)product < threshold);

            var cell = slots[(int)(product >> 32)];
            var before = counts[cell];
            counts[cell] = before + T.One;
            if (recordTouched && T.IsZero(before))
            {
                touched[touchedCount++] = cell;
            }
        }

        return touchedCount;
    }
}
