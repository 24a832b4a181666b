using NmiGate.Core.Metrics.Sampling;

namespace NmiGate.Core.Tests.Metrics.Sampling;

public sealed class HybridMultinomialTests
{
    // Small (≤ 8, thrown as balls) and large (binomial chain) cells interleaved, with zero weights.
    private static readonly long[] Mixed = [1, 50, 0, 3, 200, 7, 1000, 2, 8, 9, 1, 1];

    [Theory]
    [InlineData(300L)]
    [InlineData(1L)]
    [InlineData(0L)]
    [InlineData(10_000_000_000L)]
    public void Counts_always_sum_to_the_number_of_trials(long trials)
    {
        var sampler = new HybridMultinomial(Mixed);
        var counts = new long[Mixed.Length];
        var rng = Xoshiro256StarStar.FromSeed(3);
        for (var draw = 0; draw < 2000; draw++)
        {
            sampler.Sample(ref rng, trials, counts);
            Assert.Equal(trials, counts.Sum());
            Assert.All(counts, c => Assert.True(c >= 0));
            Assert.Equal(0, counts[2]);
        }
    }

    [Fact]
    public void Cells_are_split_at_the_small_limit()
    {
        var sampler = new HybridMultinomial(Mixed);
        Assert.Equal([1, 4, 6, 9], sampler.LargeCells.ToArray());
        Assert.Equal([0, 3, 5, 7, 8, 10, 11], sampler.SmallCells.ToArray());
    }

    [Theory]
    [InlineData(0L)] // every cell large: the plain conditional-binomial chain
    [InlineData(8L)] // the default split
    [InlineData(long.MaxValue)] // every cell small: all trials thrown as balls
    public void Per_cell_means_and_covariances_match_the_multinomial(long smallLimit)
    {
        const int Draws = 100_000;
        const long Trials = 500;
        var sampler = new HybridMultinomial(Mixed, smallLimit);
        var total = (double)Mixed.Sum();
        var counts = new long[Mixed.Length];
        var sums = new double[Mixed.Length];
        var pairs = new (int I, int J)[] { (0, 3), (3, 4), (4, 6), (7, 11) }; // small-small, small-large, large-large
        var products = new double[pairs.Length];
        var rng = Xoshiro256StarStar.FromSeed(6);
        for (var draw = 0; draw < Draws; draw++)
        {
            sampler.Sample(ref rng, Trials, counts);
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
            var standardError = Math.Sqrt(Trials * p * (1 - p) / Draws);
            Assert.True(Math.Abs((sums[i] / Draws) - (Trials * p)) <= (5 * standardError) + 1e-12, $"cell {i}: mean {sums[i] / Draws}, expected {Trials * p}");
        }

        for (var k = 0; k < pairs.Length; k++)
        {
            // Cov(Xᵢ, Xⱼ) = −n·pᵢ·pⱼ; its estimate's standard error is about √(Var Xᵢ · Var Xⱼ / draws).
            var (i, j) = pairs[k];
            var (pi, pj) = (Mixed[i] / total, Mixed[j] / total);
            var covariance = (products[k] / Draws) - (sums[i] / Draws * (sums[j] / Draws));
            var tolerance = 6 * Math.Sqrt(Trials * pi * (1 - pi) * Trials * pj * (1 - pj) / Draws);
            Assert.True(Math.Abs(covariance + (Trials * pi * pj)) <= tolerance, $"cells {i},{j}: covariance {covariance}, expected {-Trials * pi * pj}");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(4)]
    public void A_cell_count_follows_its_binomial_marginal(int cell)
    {
        // Chi-square goodness of fit of one cell's counts against the exact Binomial(n, wᵢ / Σ w) pmf.
        const int Draws = 40_000;
        const int Trials = 60;
        var sampler = new HybridMultinomial(Mixed);
        var p = Mixed[cell] / (double)Mixed.Sum();
        var observed = new long[Trials + 1];
        var counts = new long[Mixed.Length];
        var rng = Xoshiro256StarStar.FromSeed(11);
        for (var draw = 0; draw < Draws; draw++)
        {
            sampler.Sample(ref rng, Trials, counts);
            observed[counts[cell]]++;
        }

        var (statistic, degrees) = ChiSquare(observed, k => Draws * BinomialPmf(Trials, k, p));
        Assert.True(statistic < ChiSquareCritical(degrees), $"chi² = {statistic:F1} on {degrees} df");
    }

    [Fact]
    public void The_marginal_check_rejects_a_wrong_probability()
    {
        // Control: the same check against a pmf with p off by 5% must fail, or the test above proves little.
        const int Draws = 40_000;
        const int Trials = 60;
        var sampler = new HybridMultinomial(Mixed);
        var p = Mixed[4] / (double)Mixed.Sum();
        var observed = new long[Trials + 1];
        var counts = new long[Mixed.Length];
        var rng = Xoshiro256StarStar.FromSeed(11);
        for (var draw = 0; draw < Draws; draw++)
        {
            sampler.Sample(ref rng, Trials, counts);
            observed[counts[4]]++;
        }

        var (statistic, degrees) = ChiSquare(observed, k => Draws * BinomialPmf(Trials, k, p * 1.05));
        Assert.True(statistic > ChiSquareCritical(degrees), $"chi² = {statistic:F1} on {degrees} df");
    }

    [Fact]
    public void Small_cells_counts_have_the_same_law_as_the_conditional_binomial_sampler()
    {
        // Two-sample chi-square on the joint counts of two small cells, hybrid against the old sampler.
        const int Draws = 30_000;
        const int Trials = 40;
        var sampler = new HybridMultinomial(Mixed);
        var hybrid = new Dictionary<(long, long), long>();
        var chain = new Dictionary<(long, long), long>();
        var counts = new long[Mixed.Length];
        var rng = Xoshiro256StarStar.FromSeed(12);
        var other = Xoshiro256StarStar.FromSeed(13);
        for (var draw = 0; draw < Draws; draw++)
        {
            sampler.Sample(ref rng, Trials, counts);
            Increment(hybrid, (Math.Min(counts[5], 3), Math.Min(counts[8], 3)));
            Multinomial.Sample(ref other, Trials, Mixed, counts);
            Increment(chain, (Math.Min(counts[5], 3), Math.Min(counts[8], 3)));
        }

        double statistic = 0;
        var keys = hybrid.Keys.Union(chain.Keys).ToArray();
        foreach (var key in keys)
        {
            var a = hybrid.GetValueOrDefault(key);
            var b = chain.GetValueOrDefault(key);
            statistic += (double)(a - b) * (a - b) / (a + b);
        }

        Assert.True(statistic < ChiSquareCritical(keys.Length - 1), $"chi² = {statistic:F1} on {keys.Length - 1} df");
    }

    [Fact]
    public void A_single_cell_receives_every_trial()
    {
        var counts = new long[1];
        var rng = Xoshiro256StarStar.FromSeed(5);
        new HybridMultinomial([17]).Sample(ref rng, 12345, counts);
        Assert.Equal(12345, counts[0]);
        new HybridMultinomial([2]).Sample(ref rng, 12345, counts);
        Assert.Equal(12345, counts[0]);
    }

    [Fact]
    public void One_trial_lands_in_each_cell_in_proportion_to_its_weight()
    {
        const int Draws = 60_000;
        var sampler = new HybridMultinomial(Mixed);
        var hits = new long[Mixed.Length];
        var counts = new long[Mixed.Length];
        var rng = Xoshiro256StarStar.FromSeed(14);
        for (var draw = 0; draw < Draws; draw++)
        {
            sampler.Sample(ref rng, 1, counts);
            Assert.Equal(1, counts.Sum());
            hits[Array.IndexOf(counts, 1L)]++;
        }

        var total = (double)Mixed.Sum();
        var (statistic, degrees) = ChiSquare(hits, i => Mixed[i] == 0 ? 0 : Draws * Mixed[i] / total);
        Assert.True(statistic < ChiSquareCritical(degrees), $"chi² = {statistic:F1} on {degrees} df");
        Assert.Equal(0, hits[2]);
    }

    [Fact]
    public void The_same_stream_gives_the_same_counts()
    {
        var sampler = new HybridMultinomial(Mixed);
        var first = new long[Mixed.Length];
        var second = new long[Mixed.Length];
        var a = Xoshiro256StarStar.ForStream(9, 4);
        var b = Xoshiro256StarStar.ForStream(9, 4);
        sampler.Sample(ref a, 777, first);
        sampler.Sample(ref b, 777, second);
        Assert.Equal(first, second);
    }

    /// <summary>Pearson's statistic, pooling categories whose expected count is under 5 into one.</summary>
    private static (double Statistic, int Degrees) ChiSquare(long[] observed, Func<int, double> expected)
    {
        double statistic = 0, pooledObserved = 0, pooledExpected = 0;
        var categories = 0;
        for (var k = 0; k < observed.Length; k++)
        {
            var e = expected(k);
            if (e < 5)
            {
                pooledObserved += observed[k];
                pooledExpected += e;
                continue;
            }

            statistic += (observed[k] - e) * (observed[k] - e) / e;
            categories++;
        }

        if (pooledExpected > 0)
        {
            statistic += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
            categories++;
        }

        return (statistic, categories - 1);
    }

    /// <summary>Chi-square critical value at α = 0.001 (Wilson–Hilferty), generous enough for a fixed-seed test.</summary>
    private static double ChiSquareCritical(int degrees)
    {
        const double Z = 3.09;
        var h = 2.0 / (9 * degrees);
        return degrees * Math.Pow(1 - h + (Z * Math.Sqrt(h)), 3);
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
