namespace NmiGate.Core.Metrics;

/// <remarks>
/// Every formula and edge case follows scikit-learn ≥ 1.7 (sklearn.metrics.cluster), natural
/// logarithms throughout; see docs/metrics.md and shared/conformance for the test vectors.
/// </remarks>
public sealed partial class ContingencyTable
{
    // numpy's float64 eps: scikit-learn zeroes MI cell terms below it and keeps AMI's numerator
    // and denominator at least this far from zero.
    internal const double Epsilon = 2.220446049250313e-16;

    /// <summary>Mutual information I(reference; candidate) in nats (scikit-learn's <c>mutual_info_score</c>).</summary>
    /// <exception cref="InvalidOperationException">The table has no rows: mutual information of nothing is undefined.</exception>
    public double MutualInformation()
    {
        if (RowCount == 0)
        {
            throw new InvalidOperationException(
                "Mutual information is undefined for an empty table: there are no rows to compare. Count at least one row.");
        }

        if (ReferenceClusterCount == 1 || CandidateClusterCount == 1)
        {
            return 0.0;
        }

        // I = Σ (nij/N) · ln(N·nij / (ai·bj)); scikit-learn zeroes terms within eps of zero so that
        // independent partitions give exactly 0, and clips the sum at 0.
        var logN = Math.Log(RowCount);
        var logA = LogSizes(referenceSizes);
        var logB = LogSizes(candidateSizes);
        double sum = 0;
        for (var i = 0; i < cellCount.Length; i++)
        {
            var count = cellCount[i];
            var p = (double)count / RowCount;
            var term = p * (Math.Log(count) + logN - logA[cellReference[i]] - logB[cellCandidate[i]]);
            if (Math.Abs(term) >= Epsilon)
            {
                sum += term;
            }
        }

        return Math.Max(sum, 0.0);
    }

    /// <summary>
    /// Normalized mutual information: MI divided by the chosen mean of the two entropies
    /// (scikit-learn's <c>normalized_mutual_info_score</c>). 1.0 when both sides have one cluster
    /// (or no rows); 0.0 when MI is 0.
    /// </summary>
    public double NormalizedMutualInformation(AverageMethod average = AverageMethod.Arithmetic)
    {
        if (BothTrivial())
        {
            return 1.0;
        }

        var mi = MutualInformation();
        if (mi == 0.0)
        {
            return 0.0;
        }

        return mi / Mean(ReferenceEntropy, CandidateEntropy, average);
    }

    /// <summary>
    /// Expected mutual information of two random partitions with these cluster sizes (the
    /// hypergeometric model behind AMI). 0.0 when either side has one cluster.
    /// </summary>
    public double ExpectedMutualInformation()
    {
        if (RowCount == 0)
        {
            throw new InvalidOperationException(
                "Expected mutual information is undefined for an empty table: there are no rows. Count at least one row.");
        }

        return Metrics.ExpectedMutualInformation.Compute(referenceSizes, candidateSizes, RowCount);
    }

    /// <summary>
    /// Adjusted mutual information (scikit-learn's <c>adjusted_mutual_info_score</c>): MI corrected
    /// for chance, (MI − E[MI]) / (mean(H) − E[MI]). 1.0 for identical partitions.
    /// </summary>
    public double AdjustedMutualInformation(AverageMethod average = AverageMethod.Arithmetic) =>
        AmiEdgeCase() ?? AmiFromParts(average, MutualInformation(), ExpectedMutualInformation());

    /// <summary>
    /// AMI from MI and E[MI] computed once by the caller: E[MI] is the costly part, and a metric set
    /// needs AMI under all four averages.
    /// </summary>
    internal double AdjustedMutualInformation(AverageMethod average, double mi, double emi) =>
        AmiEdgeCase() ?? AmiFromParts(average, mi, emi);

    /// <summary>scikit-learn's limits: 1 when both sides have one cluster (or no rows), 0 when exactly one side does.</summary>
    private double? AmiEdgeCase()
    {
        if (BothTrivial())
        {
            return 1.0;
        }

        return ReferenceClusterCount == 1 || CandidateClusterCount == 1 ? 0.0 : null;
    }

    private double AmiFromParts(AverageMethod average, double mi, double emi)
    {
        var normalizer = Mean(ReferenceEntropy, CandidateEntropy, average);

        // Both differences vanish for identical partitions (all singletons included); keeping each
        // at least eps away from zero, with its sign, makes that limit 1 instead of 0/0.
        return AwayFromZero(mi - emi) / AwayFromZero(normalizer - emi);
    }

    /// <summary>Adjusted Rand index (scikit-learn's <c>adjusted_rand_score</c>); in [-0.5, 1].</summary>
    public double AdjustedRandIndex() => PairCounts().AdjustedRandIndex();

    /// <summary>Rand index (scikit-learn's <c>rand_score</c>): the share of row pairs both partitions agree on.</summary>
    public double RandIndex() => PairCounts().RandIndex();

    /// <summary>Homogeneity: MI / H(reference). 1 when each candidate cluster holds one reference cluster.</summary>
    public double Homogeneity() => HomogeneityCompleteness().Homogeneity;

    /// <summary>Completeness: MI / H(candidate). 1 when each reference cluster lands in one candidate cluster.</summary>
    public double Completeness() => HomogeneityCompleteness().Completeness;

    /// <summary>
    /// V-measure: the weighted harmonic mean of homogeneity and completeness, (1+β)hc / (βh + c).
    /// With β = 1 it equals NMI with the arithmetic mean.
    /// </summary>
    public double VMeasure(double beta = 1.0)
    {
        var (h, c) = HomogeneityCompleteness();
        if (RowCount == 0)
        {
            return 1.0;
        }

        return h + c == 0.0 ? 0.0 : (1 + beta) * h * c / ((beta * h) + c);
    }

    /// <summary>Fowlkes-Mallows index: the geometric mean of pairwise precision and recall. 0 when no pair is co-clustered.</summary>
    public double FowlkesMallows() => PairCounts().FowlkesMallows();

    private (double Homogeneity, double Completeness) HomogeneityCompleteness()
    {
        if (RowCount == 0)
        {
            return (1.0, 1.0);
        }

        var mi = MutualInformation();
        var h = ReferenceEntropy != 0.0 ? mi / ReferenceEntropy : 1.0;
        var c = CandidateEntropy != 0.0 ? mi / CandidateEntropy : 1.0;
        return (h, c);
    }

    /// <summary>The exact sums the pair-counting metrics need.</summary>
    private PairCounting PairCounts()
    {
        Int128 cellSquares = 0;
        foreach (var count in cellCount)
        {
            cellSquares += (Int128)count * count;
        }

        return new PairCounting(RowCount, cellSquares, SumOfSquares(referenceSizes), SumOfSquares(candidateSizes));
    }

    private bool BothTrivial() =>
        (ReferenceClusterCount == 1 && CandidateClusterCount == 1) || (ReferenceClusterCount == 0 && CandidateClusterCount == 0);

    internal static double Mean(double u, double v, AverageMethod average) => average switch
    {
        AverageMethod.Min => Math.Min(u, v),
        AverageMethod.Geometric => Math.Sqrt(u * v),
        AverageMethod.Arithmetic => (u + v) / 2,
        AverageMethod.Max => Math.Max(u, v),
        _ => throw new ArgumentOutOfRangeException(nameof(average), average, "Use Min, Geometric, Arithmetic or Max."),
    };

    internal static double AwayFromZero(double value) =>
        value < 0 ? Math.Min(value, -Epsilon) : Math.Max(value, Epsilon);

    private static Int128 SumOfSquares(long[] sizes)
    {
        Int128 sum = 0;
        foreach (var size in sizes)
        {
            sum += (Int128)size * size;
        }

        return sum;
    }

    private static double[] LogSizes(long[] sizes) => Array.ConvertAll(sizes, s => Math.Log(s));

    /// <summary>Entropy of a partition from its cluster sizes, as scikit-learn's <c>_entropy</c>.</summary>
    private static double Entropy(long[] sizes, long n)
    {
        if (n == 0)
        {
            return 1.0; // scikit-learn's convention for an empty labeling
        }

        if (sizes.Length == 1)
        {
            return 0.0;
        }

        var logN = Math.Log(n);
        double sum = 0;
        foreach (var size in sizes)
        {
            sum += (double)size / n * (Math.Log(size) - logN);
        }

        return -sum;
    }
}
