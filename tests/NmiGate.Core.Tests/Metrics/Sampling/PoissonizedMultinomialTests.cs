using NmiGate.Core.Metrics.Sampling;

namespace NmiGate.Core.Tests.Metrics.Sampling;

public sealed class PoissonizedMultinomialTests
{
    // Weights with zeros; which cells draw by table search and which by PTRS depends on the trials.
    private static readonly long[] Mixed = [1, 50, 0, 3, 200, 7, 1000, 2, 8, 9, 1, 1];

    private const int MarginalDraws = 40_000;

    [Theory]
    [InlineData(300L)]
    [InlineData(1L)]
    [InlineData(0L)]
    [InlineData(5L)] // θ tiny: almost every trial is a top-up
    [InlineData(1282L)] // the bootstrap's case: trials = Σ w
    [InlineData(10_000_000_000L)] // every cell by PTRS
    [InlineData(PoissonizedMultinomial.MaxPoissonTrials + 1)] // the conditional-binomial chain
    public void Counts_always_sum_to_the_number_of_trials(long trials)
    {
        var sampler = new PoissonizedMultinomial(Mixed, trials);
        var counts = new long[Mixed.Length];
        var rng = Xoshiro256StarStar.FromSeed(3);
        for (var draw = 0; draw < 2000; draw++)
        {
            sampler.Sample(ref rng, counts);
            Assert.Equal(trials, counts.Sum());
            Assert.All(counts, c => Assert.True(c >= 0));
            Assert.Equal(0, counts[2]);
        }
    }

    [Fact]
    public void Slots_hold_the_tabulated_cells_first_then_the_others()
    {
        // θ = (1282 − 2·√1282)/1282 ≈ 0.944: weights 50, 200 and 1000 have means of 10 and more, and
        // no other cell shares them, so PTRS draws them; every other weight is tabulated.
        // Means under 1.5 (weight 1) come first, unguided; then weights 2 to 9, guided; then PTRS.
        var sampler = new PoissonizedMultinomial(Mixed, 1282);
        Assert.Equal([0, 10, 11, 3, 5, 7, 8, 9, 1, 4, 6], sampler.SlotCells.ToArray());
        Assert.Equal(3, sampler.SmallSlotCount);
        Assert.Equal(8, sampler.TabulatedSlotCount);

        // A large mean that several cells share is tabulated too.
        var shared = new PoissonizedMultinomial([300, 1, 300, 300, 5000], 5901);
        Assert.Equal([1, 0, 2, 3, 4], shared.SlotCells.ToArray());
        Assert.Equal(4, shared.TabulatedSlotCount);
    }

    [Theory]
    [InlineData(5L)] // top-up dominated
    [InlineData(500L)] // table search and PTRS mixed
    [InlineData(1282L)] // trials = Σ w
    [InlineData(40_000L)] // every cell by PTRS
    public void Per_cell_means_and_covariances_match_the_multinomial(long trials)
    {
        const int Draws = 100_000;
        var sampler = new PoissonizedMultinomial(Mixed, trials);
        var total = (double)Mixed.Sum();
        var counts = new long[Mixed.Length];
        var sums = new double[Mixed.Length];
        var pairs = new (int I, int J)[] { (0, 3), (3, 4), (4, 6), (7, 11) }; // small-small, small-large, large-large
        var products = new double[pairs.Length];
        var rng = Xoshiro256StarStar.FromSeed(6);
        for (var draw = 0; draw < Draws; draw++)
        {
            sampler.Sample(ref rng, counts);
            for (var i = 0; i < counts.Length; i++)
            {
                sums[i] += counts[i];
            }

            for (var k = 0; k < pairs.Length; k++)
            {
                products[k] += counts[pairs[k].I] * counts[pairs[k].J];
            }
        }

        for (var i = 0; i < Mixed.Length; i++)
        {
            var p = Mixed[i] / total;
            var standardError = Math.Sqrt(trials * p * (1 - p) / Draws);
            Assert.True(Math.Abs((sums[i] / Draws) - (trials * p)) <= (5 * standardError) + 1e-12, $"cell {i}: mean {sums[i] / Draws}, expected {trials * p}");
        }

        for (var k = 0; k < pairs.Length; k++)
        {
            // Cov(Xᵢ, Xⱼ) = −n·pᵢ·pⱼ; its estimate's standard error is about √(Var Xᵢ · Var Xⱼ / draws).
            var (i, j) = pairs[k];
            var (pi, pj) = (Mixed[i] / total, Mixed[j] / total);
            var covariance = (products[k] / Draws) - (sums[i] / Draws * (sums[j] / Draws));
            var tolerance = 6 * Math.Sqrt(trials * pi * (1 - pi) * trials * pj * (1 - pj) / Draws);
            Assert.True(Math.Abs(covariance + (trials * pi * pj)) <= tolerance, $"cells {i},{j}: covariance {covariance}, expected {-trials * pi * pj}");
        }
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(3, 60)]
    [InlineData(7, 60)]
    [InlineData(4, 60)]
    [InlineData(6, 1282)] // a PTRS cell
    [InlineData(9, 1282)] // a table cell near the limit (mean ≈ 8.5)
    public void A_cell_count_follows_its_binomial_marginal(int cell, int trials)
    {
        // Chi-square goodness of fit of one cell's counts against the exact Binomial(n, wᵢ / Σ w) pmf.
        var (observed, p) = CellHistogram(cell, trials);
        var (statistic, degrees) = GoodnessOfFit.ChiSquare(observed, k => MarginalDraws * BinomialPmf(trials, k, p));
        Assert.True(statistic < GoodnessOfFit.Critical(degrees), $"chi² = {statistic:F1} on {degrees} df");
    }

    [Theory]
    [InlineData(4, 60)]
    [InlineData(6, 1282)]
    public void The_marginal_check_rejects_a_wrong_probability(int cell, int trials)
    {
        // Control: the same check against a pmf with p off by 5% must fail, or the test above proves little.
        var (observed, p) = CellHistogram(cell, trials);
        var (statistic, degrees) = GoodnessOfFit.ChiSquare(observed, k => MarginalDraws * BinomialPmf(trials, k, p * 1.05));
        Assert.True(statistic > GoodnessOfFit.Critical(degrees), $"chi² = {statistic:F1} on {degrees} df");
    }

    [Theory]
    [InlineData(5, 8, 40)] // two table cells
    [InlineData(5, 8, 1282)]
    [InlineData(9, 1, 1282)] // a table cell and a PTRS cell
    public void Joint_counts_have_the_same_law_as_the_conditional_binomial_sampler(int first, int second, int trials)
    {
        // Two-sample chi-square on the joint counts of two cells (capped), against the chain.
        const int Draws = 30_000;
        var cap = trials >= 1000 ? (Mixed[first] + Mixed[second]) * 2 : 3;
        var sampler = new PoissonizedMultinomial(Mixed, trials);
        var poissonized = new Dictionary<(long, long), long>();
        var chain = new Dictionary<(long, long), long>();
        var counts = new long[Mixed.Length];
        var rng = Xoshiro256StarStar.FromSeed(12);
        var other = Xoshiro256StarStar.FromSeed(13);
        long Bin(long count, long weight) => trials >= 1000 ? Math.Min(count * 4 / (weight + 1), cap) : Math.Min(count, cap);
        for (var draw = 0; draw < Draws; draw++)
        {
            sampler.Sample(ref rng, counts);
            Increment(poissonized, (Bin(counts[first], Mixed[first]), Bin(counts[second], Mixed[second])));
            Multinomial.Sample(ref other, trials, Mixed, counts);
            Increment(chain, (Bin(counts[first], Mixed[first]), Bin(counts[second], Mixed[second])));
        }

        double statistic = 0;
        var keys = poissonized.Keys.Union(chain.Keys).Where(k => poissonized.GetValueOrDefault(k) + chain.GetValueOrDefault(k) >= 10).ToArray();
        foreach (var key in keys)
        {
            var a = poissonized.GetValueOrDefault(key);
            var b = chain.GetValueOrDefault(key);
            statistic += (double)(a - b) * (a - b) / (a + b);
        }

        Assert.True(keys.Length > 3, $"only {keys.Length} joint categories");
        Assert.True(statistic < GoodnessOfFit.Critical(keys.Length - 1), $"chi² = {statistic:F1} on {keys.Length - 1} df");
    }

    [Fact]
    public void Many_one_row_cells_follow_their_binomial_marginal()
    {
        // 2,000 cells of weight 1 (the four-lane path: long runs of one small table) beside a few
        // large ones; every weight-1 cell's count is Binomial(N, 1/N) and they are exchangeable,
        // so their pooled histogram must fit that pmf.
        long[] weights = [.. Enumerable.Repeat(1L, 2000), 500, 700, 1200];
        var trials = weights.Sum();
        var sampler = new PoissonizedMultinomial(weights, trials);
        Assert.Equal(2000, sampler.SmallSlotCount);
        var counts = new long[weights.Length];
        var observed = new long[8];
        var rng = Xoshiro256StarStar.FromSeed(19);
        const int Draws = 300;
        for (var draw = 0; draw < Draws; draw++)
        {
            sampler.Sample(ref rng, counts);
            Assert.Equal(trials, counts.Sum());
            for (var cell = 0; cell < 2000; cell++)
            {
                observed[Math.Min(counts[cell], observed.Length - 1)]++;
            }
        }

        var total = 2000.0 * Draws;
        double Pmf(int k) => k == observed.Length - 1
            ? 1 - Enumerable.Range(0, k).Sum(j => BinomialPmf((int)trials, j, 1.0 / trials))
            : BinomialPmf((int)trials, k, 1.0 / trials);
        var (statistic, degrees) = GoodnessOfFit.ChiSquare(observed, k => total * Pmf(k));
        Assert.True(statistic < GoodnessOfFit.Critical(degrees), $"chi² = {statistic:F1} on {degrees} df");
    }

    [Fact]
    public void A_single_cell_receives_every_trial()
    {
        var counts = new long[1];
        var rng = Xoshiro256StarStar.FromSeed(5);
        new PoissonizedMultinomial([17], 12345).Sample(ref rng, counts);
        Assert.Equal(12345, counts[0]);
        new PoissonizedMultinomial([2], 12345).Sample(ref rng, counts);
        Assert.Equal(12345, counts[0]);
    }

    [Fact]
    public void One_trial_lands_in_each_cell_in_proportion_to_its_weight()
    {
        const int Draws = 60_000;
        var sampler = new PoissonizedMultinomial(Mixed, 1);
        var hits = new long[Mixed.Length];
        var counts = new long[Mixed.Length];
        var rng = Xoshiro256StarStar.FromSeed(14);
        for (var draw = 0; draw < Draws; draw++)
        {
            sampler.Sample(ref rng, counts);
            Assert.Equal(1, counts.Sum());
            hits[Array.IndexOf(counts, 1L)]++;
        }

        var total = (double)Mixed.Sum();
        var (statistic, degrees) = GoodnessOfFit.ChiSquare(hits, i => Mixed[i] == 0 ? 0 : Draws * Mixed[i] / total);
        Assert.True(statistic < GoodnessOfFit.Critical(degrees), $"chi² = {statistic:F1} on {degrees} df");
        Assert.Equal(0, hits[2]);
    }

    [Fact]
    public void The_same_stream_gives_the_same_counts()
    {
        var sampler = new PoissonizedMultinomial(Mixed, 777);
        var first = new long[Mixed.Length];
        var second = new long[Mixed.Length];
        var a = Xoshiro256StarStar.ForStream(9, 4);
        var b = Xoshiro256StarStar.ForStream(9, 4);
        sampler.Sample(ref a, first);
        sampler.Sample(ref b, second);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Zero_weights_only_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new PoissonizedMultinomial([0, 0], 10));
        Assert.Contains("sum to zero", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PoissonizedMultinomial([1, -1], 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PoissonizedMultinomial([1], -1));
    }

    /// <summary>How often one cell held each count over <see cref="MarginalDraws"/> draws of <paramref name="trials"/> trials, and its probability.</summary>
    private static (long[] Observed, double P) CellHistogram(int cell, int trials)
    {
        var sampler = new PoissonizedMultinomial(Mixed, trials);
        var observed = new long[trials + 1];
        var counts = new long[Mixed.Length];
        var rng = Xoshiro256StarStar.FromSeed(11);
        for (var draw = 0; draw < MarginalDraws; draw++)
        {
            sampler.Sample(ref rng, counts);
            observed[counts[cell]]++;
        }

        return (observed, Mixed[cell] / (double)Mixed.Sum());
    }

    private static double BinomialPmf(int n, int k, double p)
    {
        var logChoose = LogFactorial(n) - LogFactorial(k) - LogFactorial(n - k);
        return Math.Exp(logChoose + (k * Math.Log(p)) + ((n - k) * Math.Log(1 - p)));
    }

    private static double LogFactorial(int n)
    {
        double sum = 0;
        for (var i = 2; i <= n; i++)
        {
            sum += Math.Log(i);
        }

        return sum;
    }

    private static void Increment(Dictionary<(long, long), long> histogram, (long, long) key) =>
        histogram[key] = histogram.GetValueOrDefault(key) + 1;
}
