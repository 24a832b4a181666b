namespace NmiGate.Core.Metrics.Sampling;

/// <summary>Exact Multinomial variates by conditional binomials, O(cells) per draw, without allocation.</summary>
internal static class Multinomial
{
    /// <summary>
    /// Distributes <paramref name="trials"/> over cells with probabilities
    /// <paramref name="weights"/>[i] / Σ weights, writing the counts to <paramref name="counts"/>.
    /// </summary>
    /// <remarks>
    /// Given the counts of cells before i, the trials still unplaced fall in cell i with
    /// probability wᵢ / (wᵢ + … + w_last), independently: so xᵢ ~ Binomial(remaining trials,
    /// wᵢ / remaining weight). The remaining weight is an exact integer sum, so no rounding
    /// accumulates along the cells, and the last cell takes the remainder.
    /// </remarks>
    public static void Sample(ref Xoshiro256StarStar rng, long trials, ReadOnlySpan<long> weights, Span<long> counts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        if (counts.Length != weights.Length)
        {
            throw new ArgumentException($"Expected {weights.Length} counts to fill, got a span of {counts.Length}.", nameof(counts));
        }

        var totalWeight = TotalWeight(weights);

        var remainingTrials = trials;
        var remainingWeight = totalWeight;
        var last = weights.Length - 1;
        for (var i = 0; i < last; i++)
        {
            if (remainingTrials == 0)
            {
                // Every trial is placed; the rest stay empty. Also keeps remainingWeight > 0 below.
                counts[i..].Clear();
                return;
            }

            var weight = weights[i];
            var count = weight == 0 ? 0 : Binomial.Sample(ref rng, remainingTrials, weight, remainingWeight);
            counts[i] = count;
            remainingTrials -= count;
            remainingWeight -= weight;
        }

        // Conditional probability 1 if the last weight is positive; if it is zero, the last positive
        // cell had probability 1 and took every trial, so the remainder is already 0.
        counts[last] = remainingTrials;
    }

    /// <summary>Σ w, after checking every weight is non-negative and the sum positive (no trial could land otherwise).</summary>
    internal static long TotalWeight(ReadOnlySpan<long> weights)
    {
        long total = 0;
        foreach (var weight in weights)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(weight, nameof(weights));
            total = checked(total + weight);
        }

        return total > 0
            ? total
            : throw new ArgumentException("The weights sum to zero: no cell can receive a trial.", nameof(weights));
    }
}
