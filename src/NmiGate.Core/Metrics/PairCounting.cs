namespace NmiGate.Core.Metrics;

/// <summary>
/// The pair-counting metrics (ARI, Rand, Fowlkes-Mallows) from four exact sums, shared by
/// <see cref="ContingencyTable"/> and the bootstrap's <see cref="ReplicateStatistics"/>: N, Σ nᵢⱼ²
/// over cells, Σ aᵢ² over reference clusters, Σ bⱼ² over candidate clusters. 128-bit throughout:
/// products such as tp·tn reach N⁴, past 64 bits from N ≈ 55,000 rows.
/// </summary>
internal readonly record struct PairCounting(long RowCount, Int128 CellSquares, Int128 ReferenceSquares, Int128 CandidateSquares)
{
    /// <summary>
    /// scikit-learn's pair confusion matrix over ordered pairs of distinct rows: (tn, fp, fn, tp),
    /// where "positive" means the candidate puts the pair together and "true" the reference does.
    /// (Σᵢⱼ nᵢⱼ·bⱼ = Σⱼ bⱼ², and likewise for the reference.)
    /// </summary>
    public (Int128 Tn, Int128 Fp, Int128 Fn, Int128 Tp) Confusion()
    {
        Int128 n = RowCount;
        var tp = CellSquares - n;
        var fp = CandidateSquares - CellSquares;
        var fn = ReferenceSquares - CellSquares;
        var tn = (n * n) - fp - fn - CellSquares;
        return (tn, fp, fn, tp);
    }

    /// <summary>scikit-learn's <c>adjusted_rand_score</c>: 1 when no pair is split or joined.</summary>
    public double AdjustedRandIndex()
    {
        var (tn, fp, fn, tp) = Confusion();
        if (fn == 0 && fp == 0)
        {
            return 1.0;
        }

        var numerator = 2 * ((tp * tn) - (fn * fp));
        var denominator = ((tp + fn) * (fn + tn)) + ((tp + fp) * (fp + tn));
        return (double)numerator / (double)denominator;
    }

    /// <summary>scikit-learn's <c>rand_score</c>: the share of row pairs both partitions agree on (1 with no pairs).</summary>
    public double RandIndex()
    {
        var (tn, fp, fn, tp) = Confusion();
        var agreeing = tn + tp;
        var pairs = tn + fp + fn + tp;
        return agreeing == pairs || pairs == 0 ? 1.0 : (double)agreeing / (double)pairs;
    }

    /// <summary>scikit-learn's <c>fowlkes_mallows_score</c>: 0 when no pair is co-clustered.</summary>
    public double FowlkesMallows()
    {
        var tk = CellSquares - RowCount;
        if (tk == 0)
        {
            return 0.0;
        }

        var pk = CandidateSquares - RowCount;
        var qk = ReferenceSquares - RowCount;
        return Math.Sqrt((double)tk / (double)pk) * Math.Sqrt((double)tk / (double)qk);
    }
}
