namespace NmiGate.Core.Metrics;

/// <summary>
/// E[MI] of two random partitions with fixed cluster sizes a (reference) and b (candidate) over N
/// rows (Vinh, Epps and Bailey 2010), as scikit-learn's <c>expected_mutual_information</c>:
/// Σ_i Σ_j Σ_n (n/N) ln(N n / (a_i b_j)) · Hypergeometric(n; a_i, b_j, N).
/// </summary>
/// <remarks>
/// The textbook triple loop costs Σ min(a_i, b_j) terms with three log-gamma calls each: minutes
/// at K = 1000. Two observations make it cheap:
/// 1. The inner sum depends on (a_i, b_j) only, so equal sizes are grouped and each distinct pair
///    is summed once, weighted by how often it occurs (balanced clusters: one pair in all).
/// 2. The hypergeometric pmf is unimodal and its tails fall faster than geometrically, so the sum
///    starts at the mode (one log-gamma evaluation) and walks outward with the exact ratio
///    P(n+1)/P(n) = (a−n)(b−n) / ((n+1)(N−a−b+n+1)), stopping once terms are negligible.
/// </remarks>
internal static class ExpectedMutualInformation
{
    // A term P(n) below this fraction of P(mode) changes the sum by less than double rounding:
    // the weights (n/N)·ln(Nn/ab) are bounded by ln N, and the tail beyond decays geometrically.
    private const double Negligible = 1e-20;

    // ln k for the small k that dominate when clusters are small relative to N (the walk then
    // covers a few dozen k near ab/N for each of up to K² pairs). A table lookup returns the very
    // value Math.Log would, so results are bit-for-bit those of calling it.
    private static readonly double[] SmallLogs = BuildSmallLogs(4096);

    // A bootstrap worker's pair cache stops growing here (about 40 MB), which bounds its memory.
    private const int MaxCachedPairs = 1 << 20;

    public static double Compute(ReadOnlySpan<long> referenceSizes, ReadOnlySpan<long> candidateSizes, long n) =>
        Compute(referenceSizes, candidateSizes, n, pairCache: null);

    /// <summary>
    /// E[MI], reusing pair sums across calls with the same <paramref name="n"/>: bootstrap
    /// replicates of one table have marginals scattered around the same sizes, so after a few
    /// replicates most (a, b) pairs have been summed before. A pair's sum is a deterministic
    /// function of (a, b, N), so a cached value is bit-identical to a fresh one and the result does
    /// not depend on which replicates ran first.
    /// </summary>
    public static double Compute(ReadOnlySpan<long> referenceSizes, ReadOnlySpan<long> candidateSizes, long n, Dictionary<(long A, long B), double>? pairCache)
    {
        if (referenceSizes.Length <= 1 || candidateSizes.Length <= 1)
        {
            return 0.0;
        }

        var (a, aCount) = Group(referenceSizes);
        var (b, bCount) = Group(candidateSizes);
        var logN = Math.Log(n);
        var logFactorialN = LogFactorial.Of(n);

        // Terms that depend on b alone, computed once per distinct size rather than once per pair
        // (with all-distinct sizes there are K² pairs but only K sizes).
        var logB = new double[b.Length];
        var logFactorialB = new double[b.Length];
        var logFactorialNMinusB = new double[b.Length];
        for (var j = 0; j < b.Length; j++)
        {
            logB[j] = Math.Log(b[j]);
            logFactorialB[j] = LogFactorial.Of(b[j]);
            logFactorialNMinusB[j] = LogFactorial.Of(n - b[j]);
        }

        double emi = 0;
        for (var i = 0; i < a.Length; i++)
        {
            // Terms that depend on a alone, hoisted out of the inner loop.
            var logFactorialsA = LogFactorial.Of(a[i]) + LogFactorial.Of(n - a[i]) - logFactorialN;
            var logA = Math.Log(a[i]);
            double row = 0;
            for (var j = 0; j < b.Length; j++)
            {
                double pair;
                if (pairCache is null || !pairCache.TryGetValue((a[i], b[j]), out pair))
                {
                    pair = PairSum(a[i], b[j], n, logN, logA, logFactorialsA, logB[j], logFactorialB[j], logFactorialNMinusB[j]);
                    if (pairCache is not null && pairCache.Count < MaxCachedPairs)
                    {
                        pairCache[(a[i], b[j])] = pair;
                    }
                }

                row += bCount[j] * pair;
            }

            emi += aCount[i] * row;
        }

        return emi;
    }

    /// <summary>Σ_n (n/N) ln(N n/(a b)) P(n) for one pair of cluster sizes.</summary>
    private static double PairSum(long a, long b, long n, double logN, double logA, double logFactorialsA, double logB, double logFactorialB, double logFactorialNMinusB)
    {
        var low = Math.Max(0, a + b - n);
        var high = Math.Min(a, b);

        // The mode of the hypergeometric distribution, kept inside its support.
        var mode = Math.Clamp((long)((double)(a + 1) * (b + 1) / (n + 2)), low, high);
        var logP = logFactorialsA + logFactorialB + logFactorialNMinusB
            - LogFactorial.Of(mode) - LogFactorial.Of(a - mode) - LogFactorial.Of(b - mode) - LogFactorial.Of(n - a - b + mode);
        var peak = Math.Exp(logP);
        var offset = logN - logA - logB; // ln(N n/(a b)) = ln n + offset
        var sum = Term(mode, peak);

        // Upward from the mode.
        var p = peak;
        for (var k = mode; k < high; k++)
        {
            p *= (double)(a - k) * (b - k) / ((double)(k + 1) * (n - a - b + k + 1));
            sum += Term(k + 1, p);
            if (p < Negligible * peak)
            {
                break;
            }
        }

        // Downward from the mode; n = 0 contributes nothing.
        p = peak;
        for (var k = mode; k > Math.Max(low, 1); k--)
        {
            p *= (double)k * (n - a - b + k) / ((double)(a - k + 1) * (b - k + 1));
            sum += Term(k - 1, p);
            if (p < Negligible * peak)
            {
                break;
            }
        }

        return sum;

        double Term(long k, double probability) =>
            k == 0 ? 0.0 : (double)k / n * (Log(k) + offset) * probability;
    }

    private static double Log(long k) => k < SmallLogs.Length ? SmallLogs[k] : Math.Log(k);

    private static double[] BuildSmallLogs(int size)
    {
        var table = new double[size];
        table[0] = double.NegativeInfinity;
        for (var k = 1; k < size; k++)
        {
            table[k] = Math.Log(k);
        }

        return table;
    }

    /// <summary>Distinct sizes and how many clusters have each.</summary>
    private static (long[] Sizes, long[] Counts) Group(ReadOnlySpan<long> sizes)
    {
        var sorted = sizes.ToArray();
        Array.Sort(sorted);
        var distinct = new List<long>();
        var counts = new List<long>();
        foreach (var size in sorted)
        {
            if (distinct.Count > 0 && distinct[^1] == size)
            {
                counts[^1]++;
            }
            else
            {
                distinct.Add(size);
                counts.Add(1);
            }
        }

        return ([.. distinct], [.. counts]);
    }
}
