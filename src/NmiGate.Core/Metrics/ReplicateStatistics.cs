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
/// E[MI] needs the marginals themselves. So a replicate is drawn straight into these sums: the
/// large cells' counts as they leave the binomial chain, the small cells' counts once their balls
/// are thrown, bucket by bucket while they are in cache. No table is built, nothing is allocated.
/// </remarks>
internal sealed class ReplicateStatistics
{
    // n·ln n for the small counts the thrown cells reach; the same value as computing it.
    private static readonly double[] SmallXLogX = BuildXLogX(1024);

    private readonly HybridMultinomial sampler;
    private readonly int[] cellReference;
    private readonly int[] cellCandidate;
    private readonly long[] largeCounts;
    private readonly int[] smallCounts;
    private readonly long[] bucketBalls;
    private readonly Dictionary<(long A, long B), double> pairSums = [];
    private readonly long[] rowSums;
    private readonly long[] columnSums;
    private readonly long[] rowSizes;
    private readonly long[] columnSizes;

    public ReplicateStatistics(ContingencyTable table, HybridMultinomial sampler)
    {
        this.sampler = sampler;
        cellReference = table.CellReferences.ToArray();
        cellCandidate = table.CellCandidates.ToArray();
        largeCounts = new long[table.CellCount];
        smallCounts = new int[table.CellCount];
        bucketBalls = new long[sampler.BucketCount];
        rowSums = new long[table.ReferenceClusterCount];
        columnSums = new long[table.CandidateClusterCount];
        rowSizes = new long[rowSums.Length];
        columnSizes = new long[columnSums.Length];
    }

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

    /// <summary>Draws one replicate of <paramref name="trials"/> rows and reduces it to the sums.</summary>
    public void Draw(ref Xoshiro256StarStar rng, long trials)
    {
        Array.Clear(rowSums);
        Array.Clear(columnSums);
        double cellXLogX = 0;
        Int128 cellSquares = 0;

        sampler.SampleChain(ref rng, trials, largeCounts, bucketBalls);
        foreach (var cell in sampler.LargeCells)
        {
            var count = largeCounts[cell];
            if (count > 0)
            {
                Add(cell, count, ref cellXLogX, ref cellSquares);
            }
        }

        var smallCells = sampler.SmallCells;
        for (var b = 0; b < bucketBalls.Length; b++)
        {
            if (bucketBalls[b] == 0)
            {
                continue;
            }

            // Throw the bucket's balls, then sweep its cells while they are still in cache, zeroing
            // them for the next replicate. Empty cells add exactly 0 to every sum: no branch.
            // Squares in 64 bits here: a bucket of ~8,192 slots receives a few times that many balls at most.
            sampler.ThrowBalls<int>(ref rng, b, bucketBalls[b], smallCounts);
            long bucketSquares = 0;
            foreach (var cell in smallCells[sampler.BucketCells(b)])
            {
                long count = smallCounts[cell];
                rowSums[cellReference[cell]] += count;
                columnSums[cellCandidate[cell]] += count;
                cellXLogX += XLogX(count);
                bucketSquares += count * count;
                smallCounts[cell] = 0;
            }

            cellSquares += bucketSquares;
        }

        RowCount = trials;
        SumCellXLogX = cellXLogX;
        SumCellSquares = cellSquares;
        (ReferenceClusterCount, SumReferenceXLogX, SumReferenceSquares) = Marginal(rowSums, rowSizes);
        (CandidateClusterCount, SumCandidateXLogX, SumCandidateSquares) = Marginal(columnSums, columnSizes);
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

    private void Add(int cell, long count, ref double xLogX, ref Int128 squares)
    {
        rowSums[cellReference[cell]] += count;
        columnSums[cellCandidate[cell]] += count;
        xLogX += XLogX(count);
        squares += (Int128)count * count;
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
