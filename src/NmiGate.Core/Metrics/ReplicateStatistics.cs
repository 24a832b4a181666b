using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NmiGate.Core.Metrics.Sampling;

namespace NmiGate.Core.Metrics;

/// <summary>
/// One bootstrap replicate reduced to the sums the built-in metrics need: N, the row and column
/// sums, Σ n·ln n and Σ n² over the cells. A worker's scratch space, reused across its replicates.
/// </summary>
/// <remarks>
/// Every built-in metric is a function of these: the entropies are ln N − Σ a·ln a / N, mutual
/// information is (Σ n·ln n − Σ a·ln a − Σ b·ln b) / N + ln N, and scikit-learn's pair counts are
/// sums of squares (Σᵢⱼ nᵢⱼ·bⱼ = Σⱼ bⱼ², so the pair confusion matrix needs no per-cell product).
/// E[MI] needs the marginals themselves. So a replicate is drawn straight into these sums, each
/// cell's count as the sampler produces it. No table is built, nothing is allocated.
/// </remarks>
internal sealed class ReplicateStatistics
{
    // n·ln n for the small counts most cells hold; the same value as computing it.
    private const int SmallXLogXLength = 1024; // a power of two: the sweep masks counts into the table

    private static readonly double[] SmallXLogX = BuildXLogX(SmallXLogXLength);

    private readonly PoissonizedMultinomial sampler;
    private readonly int[] slotReference;
    private readonly int[] slotCandidate;
    private readonly int[]? narrowCounts;
    private readonly long[]? wideCounts;
    private readonly (int Row, int Start, int End)[] rowRuns;
    private readonly Dictionary<(long A, long B), double> pairSums = [];
    private readonly long[] rowSums;
    private readonly long[] columnSums;
    private readonly long[] rowSizes;
    private readonly long[] columnSizes;

    public ReplicateStatistics(ContingencyTable table, PoissonizedMultinomial sampler)
    {
        if (sampler.CellCount != table.CellCount)
        {
            throw new ArgumentException($"The sampler draws {sampler.CellCount} cells, the table has {table.CellCount}.", nameof(sampler));
        }

        this.sampler = sampler;

        // Everything per cell is kept in the sampler's slot order, so the passes read it in sequence.
        var slots = sampler.SlotCells;
        slotReference = new int[slots.Length];
        slotCandidate = new int[slots.Length];
        for (var slot = 0; slot < slots.Length; slot++)
        {
            slotReference[slot] = table.CellReferences[slots[slot]];
            slotCandidate[slot] = table.CellCandidates[slots[slot]];
        }

        narrowCounts = sampler.Trials <= int.MaxValue ? new int[slots.Length] : null;
        wideCounts = narrowCounts is null ? new long[slots.Length] : null;
        rowRuns = RowRuns(slotReference.AsSpan(0, sampler.SmallSlotCount));
        rowSums = new long[table.ReferenceClusterCount];
        columnSums = new long[table.CandidateClusterCount];
        rowSizes = new long[rowSums.Length];
        columnSizes = new long[columnSums.Length];
    }

    /// <summary>Another worker's scratch space: the per-slot layout is shared (read only), the buffers are its own.</summary>
    private ReplicateStatistics(ReplicateStatistics layout)
    {
        (sampler, slotReference, slotCandidate, rowRuns) = (layout.sampler, layout.slotReference, layout.slotCandidate, layout.rowRuns);
        narrowCounts = layout.narrowCounts is not null ? new int[slotReference.Length] : null;
        wideCounts = narrowCounts is null ? new long[slotReference.Length] : null;
        rowSums = new long[layout.rowSums.Length];
        columnSums = new long[layout.columnSums.Length];
        rowSizes = new long[rowSums.Length];
        columnSizes = new long[columnSums.Length];
    }

    /// <summary>Scratch space for another worker on the same table and sampler.</summary>
    public ReplicateStatistics ForAnotherWorker() => new(this);

    public long RowCount { get; private set; }

    /// <summary>Non-empty reference clusters.</summary>
    public int ReferenceClusterCount { get; private set; }

    /// <summary>Non-empty candidate clusters.</summary>
    public int CandidateClusterCount { get; private set; }

    /// <summary>The non-empty reference cluster sizes, in label order.</summary>
    public ReadOnlySpan<long> ReferenceSizes => rowSizes.AsSpan(0, ReferenceClusterCount);

    /// <summary>The non-empty candidate cluster sizes, in label order.</summary>
    public ReadOnlySpan<long> CandidateSizes => columnSizes.AsSpan(0, CandidateClusterCount);

    public double SumCellXLogX { get; private set; }

    public double SumReferenceXLogX { get; private set; }

    public double SumCandidateXLogX { get; private set; }

    public Int128 SumCellSquares { get; private set; }

    public Int128 SumReferenceSquares { get; private set; }

    public Int128 SumCandidateSquares { get; private set; }

    /// <summary>Draws one replicate of the sampler's trials and reduces it to the sums.</summary>
    public void Draw(ref Xoshiro256StarStar rng)
    {
        // Below 2³¹ rows (the usual case) no count passes int.MaxValue and Σ n² ≤ N² fits 64 bits:
        // 32-bit counts halve the memory each replicate writes and reads.
        var (xLogX, squares) = narrowCounts is not null ? DrawAndSweep<int, long>(ref rng, narrowCounts) : DrawAndSweep<long, Int128>(ref rng, wideCounts!);
        RowCount = sampler.Trials;
        SumCellXLogX = xLogX;
        SumCellSquares = squares;
        (ReferenceClusterCount, SumReferenceXLogX, SumReferenceSquares) = Marginal(rowSums, rowSizes);
        (CandidateClusterCount, SumCandidateXLogX, SumCandidateSquares) = Marginal(columnSums, columnSizes);
    }

    /// <summary>The replicate's counts into <paramref name="slotCounts"/>, then their sums.</summary>
    private (double XLogX, Int128 Squares) DrawAndSweep<TCount, TSquares>(ref Xoshiro256StarStar rng, TCount[] slotCounts)
        where TCount : struct, System.Numerics.IBinaryInteger<TCount>
        where TSquares : struct, System.Numerics.IBinaryInteger<TSquares>
    {
        var drawn = sampler.DrawPoissonCounts(ref rng, slotCounts.AsSpan());
        sampler.TopUp(ref rng, slotCounts.AsSpan(), sampler.Trials - drawn);
        return Sweep<TCount, TSquares>(slotCounts);
    }

    /// <summary>
    /// Row and column sums, Σ n·ln n and Σ n² of the slots' counts: the small-mean slots (in cell
    /// order, so in row order) one row run at a time, the others (grouped by table, so rows
    /// alternate) slot by slot.
    /// </summary>
    private (double XLogX, Int128 Squares) Sweep<TCount, TSquares>(TCount[] slotCounts)
        where TCount : struct, System.Numerics.IBinaryInteger<TCount>
        where TSquares : struct, System.Numerics.IBinaryInteger<TSquares>
    {
        Array.Clear(rowSums);
        Array.Clear(columnSums);
        double xLogX = 0;
        var squares = TSquares.Zero;
        long bits = 0;
        foreach (var (row, start, end) in rowRuns)
        {
            var run = SweepRun<TCount, TSquares>(slotCounts.AsSpan(start..end), slotCandidate.AsSpan(start..end), columnSums);
            rowSums[row] += run.RowSum;
            xLogX += run.XLogX;
            squares += run.Squares;
            bits |= run.Bits;
        }

        var rest = SweepSlots<TCount, TSquares>(
            slotCounts.AsSpan(sampler.SmallSlotCount), slotReference.AsSpan(sampler.SmallSlotCount), slotCandidate.AsSpan(sampler.SmallSlotCount), rowSums, columnSums);
        xLogX += rest.XLogX;
        squares += rest.Squares;
        bits |= rest.Bits;

        // Some count reached the end of the n·ln n table (cells of ~1,000 rows or more): the run
        // sums counted those as 0; add n·ln n for them, which only such tables pay for.
        if (bits >= SmallXLogX.Length)
        {
            foreach (var value in slotCounts)
            {
                var count = long.CreateTruncating(value);
                if (count >= SmallXLogX.Length)
                {
                    xLogX += count * Math.Log(count);
                }
            }
        }

        return (xLogX, Int128.CreateTruncating(squares));
    }

    /// <summary>
    /// Slots in any order: each count added to its row and column sums (consecutive slots in
    /// different rows do not wait on each other's row sum), Σ n·ln n by table as in
    /// <see cref="SweepRun"/>, Σ n².
    /// </summary>
    private static (double XLogX, TSquares Squares, long Bits) SweepSlots<TCount, TSquares>(
        ReadOnlySpan<TCount> counts, ReadOnlySpan<int> references, ReadOnlySpan<int> candidates, Span<long> rows, Span<long> columns)
        where TCount : struct, System.Numerics.IBinaryInteger<TCount>
        where TSquares : struct, System.Numerics.IBinaryInteger<TSquares>
    {
        ref var table = ref MemoryMarshal.GetArrayDataReference(SmallXLogX);
        double even = 0, odd = 0;
        long bits = 0;
        var squares = TSquares.Zero;
        var slot = 0;
        for (; slot + 1 < counts.Length; slot += 2)
        {
            var (first, second) = (long.CreateTruncating(counts[slot]), long.CreateTruncating(counts[slot + 1]));
            bits |= first | second;
            rows[references[slot]] += first;
            rows[references[slot + 1]] += second;
            columns[candidates[slot]] += first;
            columns[candidates[slot + 1]] += second;
            even += Unsafe.Add(ref table, TableIndex(first));
            odd += Unsafe.Add(ref table, TableIndex(second));
            var (a, b) = (TSquares.CreateTruncating(first), TSquares.CreateTruncating(second));
            squares += (a * a) + (b * b);
        }

        if (slot < counts.Length)
        {
            var count = long.CreateTruncating(counts[slot]);
            bits |= count;
            rows[references[slot]] += count;
            columns[candidates[slot]] += count;
            even += Unsafe.Add(ref table, TableIndex(count));
            var wide = TSquares.CreateTruncating(count);
            squares += wide * wide;
        }

        return (even + odd, squares, bits);
    }

    /// <summary>
    /// One run of slots in one row: its row sum, its counts added to their columns, Σ n·ln n by
    /// table over the counts below <see cref="SmallXLogX"/>'s length (larger ones add 0 here; every
    /// count is OR-ed into <c>Bits</c> to tell whether any was), Σ n². Branch-free, and no call, so
    /// the sums stay in registers.
    /// </summary>
    private static (long RowSum, double XLogX, TSquares Squares, long Bits) SweepRun<TCount, TSquares>(
        ReadOnlySpan<TCount> counts, ReadOnlySpan<int> candidates, Span<long> columns)
        where TCount : struct, System.Numerics.IBinaryInteger<TCount>
        where TSquares : struct, System.Numerics.IBinaryInteger<TSquares>
    {
        ref var table = ref MemoryMarshal.GetArrayDataReference(SmallXLogX);

        // Two accumulators, even and odd slots: one chain of dependent additions would cost an
        // add's latency per slot. Zero counts add exactly 0 to every sum.
        double even = 0, odd = 0;
        long rowSum = 0, bits = 0;
        var squares = TSquares.Zero;
        var slot = 0;
        for (; slot + 1 < counts.Length; slot += 2)
        {
            var (first, second) = (long.CreateTruncating(counts[slot]), long.CreateTruncating(counts[slot + 1]));
            rowSum += first + second;
            bits |= first | second;
            columns[candidates[slot]] += first;
            columns[candidates[slot + 1]] += second;
            even += Unsafe.Add(ref table, TableIndex(first));
            odd += Unsafe.Add(ref table, TableIndex(second));
            var (a, b) = (TSquares.CreateTruncating(first), TSquares.CreateTruncating(second));
            squares += (a * a) + (b * b);
        }

        if (slot < counts.Length)
        {
            var count = long.CreateTruncating(counts[slot]);
            rowSum += count;
            bits |= count;
            columns[candidates[slot]] += count;
            even += Unsafe.Add(ref table, TableIndex(count));
            var wide = TSquares.CreateTruncating(count);
            squares += wide * wide;
        }

        return (rowSum, even + odd, squares, bits);
    }

    /// <summary>
    /// E[MI] of the replicate's marginals (the costly part of AMI): compute it once per replicate.
    /// Pair sums are cached across this worker's replicates (N is fixed, the sizes recur).
    /// </summary>
    public double ExpectedMutualInformation() =>
        Metrics.ExpectedMutualInformation.Compute(ReferenceSizes, CandidateSizes, RowCount, pairSums);

    /// <summary>
    /// The metric on the replicate: the same formula and scikit-learn edge cases as the
    /// <see cref="ContingencyTable"/> method, from the sums (equal up to floating-point rounding).
    /// </summary>
    /// <param name="metric">Which metric.</param>
    /// <param name="emi">The replicate's <see cref="ExpectedMutualInformation"/>; read only for AMI.</param>
    public double Evaluate(BootstrapMetric metric, double emi)
    {
        var average = metric.Average;
        switch (metric.Kind)
        {
            case BootstrapMetricKind.MutualInformation:
                return MutualInformation();
            case BootstrapMetricKind.NormalizedMutualInformation:
                if (BothTrivial())
                {
                    return 1.0;
                }

                var mi = MutualInformation();
                return mi == 0.0 ? 0.0 : mi / ContingencyTable.Mean(ReferenceEntropy(), CandidateEntropy(), average);
            case BootstrapMetricKind.AdjustedMutualInformation:
                if (BothTrivial())
                {
                    return 1.0;
                }

                if (ReferenceClusterCount == 1 || CandidateClusterCount == 1)
                {
                    return 0.0;
                }

                var normalizer = ContingencyTable.Mean(ReferenceEntropy(), CandidateEntropy(), average);
                return ContingencyTable.AwayFromZero(MutualInformation() - emi) / ContingencyTable.AwayFromZero(normalizer - emi);
            case BootstrapMetricKind.Homogeneity:
                return HomogeneityCompleteness().Homogeneity;
            case BootstrapMetricKind.Completeness:
                return HomogeneityCompleteness().Completeness;
            case BootstrapMetricKind.VMeasure:
                var (h, c) = HomogeneityCompleteness();
                return h + c == 0.0 ? 0.0 : 2 * h * c / (h + c);
            case BootstrapMetricKind.AdjustedRandIndex:
                return PairCounts().AdjustedRandIndex();
            case BootstrapMetricKind.RandIndex:
                return PairCounts().RandIndex();
            case BootstrapMetricKind.FowlkesMallows:
                return PairCounts().FowlkesMallows();
            default:
                throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a built-in metric.");
        }
    }

    /// <summary>MI = Σ (n/N)·ln(N·n/(a·b)) = (Σ n ln n − Σ a ln a − Σ b ln b)/N + ln N, 0 with one cluster on a side, clipped at 0.</summary>
    private double MutualInformation()
    {
        if (ReferenceClusterCount == 1 || CandidateClusterCount == 1)
        {
            return 0.0;
        }

        var n = (double)RowCount;
        return Math.Max(((SumCellXLogX - SumReferenceXLogX - SumCandidateXLogX) / n) + Math.Log(n), 0.0);
    }

    /// <summary>H = −Σ (a/N)·ln(a/N) = ln N − Σ a ln a / N; exactly 0 for one cluster, as scikit-learn.</summary>
    private double ReferenceEntropy() => Entropy(ReferenceClusterCount, SumReferenceXLogX);

    private double CandidateEntropy() => Entropy(CandidateClusterCount, SumCandidateXLogX);

    private double Entropy(int clusters, double xLogX) =>
        clusters == 1 ? 0.0 : Math.Log(RowCount) - (xLogX / RowCount);

    private bool BothTrivial() => ReferenceClusterCount == 1 && CandidateClusterCount == 1;

    private (double Homogeneity, double Completeness) HomogeneityCompleteness()
    {
        var mi = MutualInformation();
        var referenceEntropy = ReferenceEntropy();
        var candidateEntropy = CandidateEntropy();
        return (referenceEntropy != 0.0 ? mi / referenceEntropy : 1.0, candidateEntropy != 0.0 ? mi / candidateEntropy : 1.0);
    }

    private PairCounting PairCounts() => new(RowCount, SumCellSquares, SumReferenceSquares, SumCandidateSquares);

    /// <summary>Maximal runs of consecutive slots in one row (a table's cells come in row order, so few).</summary>
    private static (int Row, int Start, int End)[] RowRuns(ReadOnlySpan<int> references)
    {
        var runs = new List<(int Row, int Start, int End)>();
        for (var start = 0; start < references.Length;)
        {
            var end = start + 1;
            while (end < references.Length && references[end] == references[start])
            {
                end++;
            }

            runs.Add((references[start], start, end));
            start = end;
        }

        return [.. runs];
    }

    private static (int NonEmpty, double XLogX, Int128 Squares) Marginal(long[] sums, long[] sizes)
    {
        var nonEmpty = 0;
        double xLogX = 0;
        Int128 squares = 0;
        foreach (var size in sums)
        {
            if (size > 0)
            {
                sizes[nonEmpty++] = size;
                xLogX += XLogX(size);
                squares += (Int128)size * size;
            }
        }

        return (nonEmpty, xLogX, squares);
    }

    /// <summary>n itself below the table's length, else 0 (whose n·ln n is 0), without a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint TableIndex(long n) => (nint)(n & ((n - SmallXLogXLength) >> 63));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double XLogX(long n) => n < SmallXLogX.Length ? SmallXLogX[n] : n * Math.Log(n);

    private static double[] BuildXLogX(int size)
    {
        var table = new double[size];
        for (var n = 1; n < size; n++)
        {
            table[n] = n * Math.Log(n);
        }

        return table;
    }
}
