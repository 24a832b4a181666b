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

    // Slots per bucket: a bucket's slots and counts stay in the core's cache while its balls land.
    private const int BucketSlots = 8192;

    private readonly int[] largeCells;
    private readonly long[] largeWeights;
    private readonly int[] slotCells;
    private readonly int[] smallCells;
    private readonly long[] smallWeights;
    private readonly long totalWeight;
    private readonly int[] bucketSlotStart;
    private readonly int[] bucketCellStart;
    private readonly uint[] bucketThreshold;

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
        smallWeights = new long[smallCells.Length];
        for (var s = 0; s < smallCells.Length; s++)
        {
            smallWeights[s] = weights[smallCells[s]];
        }

        slotCells = new int[smallWeight];
        var slotStarts = new List<int> { 0 };
        var cellStarts = new List<int> { 0 };
        var slot = 0;
        for (var s = 0; s < small.Count; s++)
        {
            var cell = small[s];
            slotCells.AsSpan(slot, (int)weights[cell]).Fill(cell);
            slot += (int)weights[cell];
            if (slot - slotStarts[^1] >= BucketSlots || s == small.Count - 1)
            {
                slotStarts.Add(slot);
                cellStarts.Add(s + 1);
            }
        }

        bucketSlotStart = [.. slotStarts];
        bucketCellStart = [.. cellStarts];
        bucketThreshold = new uint[BucketCount];
        for (var b = 0; b < BucketCount; b++)
        {
            // Lemire's rejection bound for a uniform slot of the bucket: 2³² mod its width (see ThrowBalls).
            bucketThreshold[b] = (uint)((1UL << 32) % (ulong)BucketWidth(b));
        }
    }

    /// <summary>Buckets of small cells; each is one link of the binomial chain, then filled by throwing.</summary>
    public int BucketCount => bucketSlotStart.Length - 1;

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

        Span<long> balls = BucketCount <= 64 ? stackalloc long[BucketCount] : new long[BucketCount];
        SampleChain(ref rng, trials, counts, balls);
        foreach (var cell in smallCells)
        {
            counts[cell] = 0;
        }

        for (var b = 0; b < balls.Length; b++)
        {
            // A small cell's count cannot exceed the balls thrown, so a long counter never overflows.
            ThrowBalls(ref rng, b, balls[b], counts);
        }
    }

    /// <summary>The small cells of bucket <paramref name="bucket"/>, as a range of <see cref="SmallCells"/>.</summary>
    public Range BucketCells(int bucket) => bucketCellStart[bucket]..bucketCellStart[bucket + 1];

    private int BucketWidth(int bucket) => bucketSlotStart[bucket + 1] - bucketSlotStart[bucket];

    /// <summary>
    /// The conditional-binomial chain over the large cells, then the buckets of small cells (each
    /// bucket one link, weighted by its slots): writes the large cells' counts to
    /// <paramref name="counts"/> and each bucket's share of the trials to <paramref name="bucketBalls"/>.
    /// Splitting the small group into buckets is exact too: the balls per bucket are the
    /// multinomial's margin over the buckets, and within a bucket each ball is uniform on its slots.
    /// </summary>
    public void SampleChain(ref Xoshiro256StarStar rng, long trials, Span<long> counts, Span<long> bucketBalls)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        var remainingTrials = trials;
        var remainingWeight = totalWeight;
        var links = largeCells.Length + BucketCount;
        for (var i = 0; i < links; i++)
        {
            var isLarge = i < largeCells.Length;
            var weight = isLarge ? largeWeights[i] : BucketWidth(i - largeCells.Length);
            long count;
            if (remainingTrials == 0)
            {
                count = 0;
            }
            else if (i == links - 1)
            {
                count = remainingTrials; // conditional probability 1
            }
            else
            {
                count = Binomial.Sample(ref rng, remainingTrials, weight, remainingWeight);
            }

            if (isLarge)
            {
                counts[largeCells[i]] = count;
            }
            else
            {
                bucketBalls[i - largeCells.Length] = count;
            }

            remainingTrials -= count;
            remainingWeight -= weight;
        }
    }

    /// <summary>Throws <paramref name="balls"/> balls uniformly into bucket <paramref name="bucket"/>'s slots, adding to <paramref name="counts"/>.</summary>
    public void ThrowBalls<T>(ref Xoshiro256StarStar rng, int bucket, long balls, Span<T> counts)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        // Lemire's nearly-divisionless range reduction ("Fast random integer generation in an
        // interval", 2019): the high 32 bits of x·w for a uniform 32-bit x are uniform on [0, w)
        // once the low products below 2³² mod w are rejected, so every slot has exactly the same
        // probability. Each 64-bit output serves two balls.
        var slots = slotCells.AsSpan(bucketSlotStart[bucket], BucketWidth(bucket));
        var w = (ulong)slots.Length;
        if (balls > (4 * (long)w) + 64)
        {
            // Far more trials than the bucket's weight (never in a bootstrap, where the trials are
            // the total weight): a binomial per cell is cheaper than a ball per trial.
            var remainingBalls = balls;
            var remainingWeight = (long)w;
            var range = BucketCells(bucket);
            var (first, end) = (range.Start.Value, range.End.Value);
            for (var s = first; s < end && remainingBalls > 0; s++)
            {
                var count = s == end - 1 ? remainingBalls : Binomial.Sample(ref rng, remainingBalls, smallWeights[s], remainingWeight);
                counts[smallCells[s]] += T.CreateChecked(count);
                remainingBalls -= count;
                remainingWeight -= smallWeights[s];
            }

            return;
        }

        var threshold = bucketThreshold[bucket];
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

            counts[slots[(int)(product >> 32)]] += T.One;
        }
    }
}
