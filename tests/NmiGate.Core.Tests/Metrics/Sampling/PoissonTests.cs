using NmiGate.Core.Metrics.Sampling;

namespace NmiGate.Core.Tests.Metrics.Sampling;

public sealed class PoissonTests
{
    [Theory]
    [InlineData(0.3)]
    [InlineData(3.0)]
    [InlineData(9.99)] // inversion's last mean
    [InlineData(10.0)] // PTRS's first
    [InlineData(47.3)]
    [InlineData(1000.0)]
    [InlineData(2.5e6)]
    public void Draws_follow_the_poisson_pmf(double mean)
    {
        const int Draws = 200_000;
        var poisson = new Poisson(mean);
        var rng = Xoshiro256StarStar.FromSeed(21);
        var spare = Xoshiro256StarStar.FromSeed(22);

        // Categories: a window of ±6 standard deviations around the mean (the rest pooled).
        var width = (long)Math.Ceiling(6 * Math.Sqrt(mean)) + 6;
        var low = Math.Max(0, (long)mean - width);
        var observed = new long[(2 * width) + 1];
        double sum = 0, squares = 0;
        for (var draw = 0; draw < Draws; draw++)
        {
            // Alternate the one- and two-generator overloads: both must have the same law.
            var k = draw % 2 == 0 ? poisson.Sample(ref rng) : poisson.Sample(ref rng, ref spare);
            Assert.True(k >= 0);
            sum += k;
            squares += (double)k * k;
            observed[Math.Clamp(k - low, 0, observed.Length - 1)]++;
        }

        var average = sum / Draws;
        var variance = (squares / Draws) - (average * average);
        Assert.True(Math.Abs(average - mean) <= 5 * Math.Sqrt(mean / Draws), $"mean {average}, expected {mean}");
        Assert.True(Math.Abs((variance / mean) - 1) <= 5 * Math.Sqrt(2.0 / Draws) + 0.002, $"variance {variance}, expected {mean}");

        var (statistic, degrees) = GoodnessOfFit.ChiSquare(observed, i => Draws * Probability(mean, i + low, i == 0, i == observed.Length - 1));
        Assert.True(statistic < GoodnessOfFit.Critical(degrees), $"chi² = {statistic:F1} on {degrees} df");
    }

    [Fact]
    public void The_pmf_check_rejects_a_shifted_mean()
    {
        // Control: the same check against a mean off by 1% must fail at this sample size.
        const int Draws = 200_000;
        const double Mean = 1000;
        var poisson = new Poisson(Mean * 1.01);
        var rng = Xoshiro256StarStar.FromSeed(21);
        var width = (long)Math.Ceiling(6 * Math.Sqrt(Mean)) + 6;
        var low = (long)Mean - width;
        var observed = new long[(2 * width) + 1];
        for (var draw = 0; draw < Draws; draw++)
        {
            observed[Math.Clamp(poisson.Sample(ref rng) - low, 0, observed.Length - 1)]++;
        }

        var (statistic, degrees) = GoodnessOfFit.ChiSquare(observed, i => Draws * Probability(Mean, i + low, i == 0, i == observed.Length - 1));
        Assert.True(statistic > GoodnessOfFit.Critical(degrees), $"chi² = {statistic:F1} on {degrees} df");
    }

    [Fact]
    public void A_zero_mean_always_gives_zero()
    {
        var rng = Xoshiro256StarStar.FromSeed(1);
        var poisson = new Poisson(0);
        for (var draw = 0; draw < 1000; draw++)
        {
            Assert.Equal(0, poisson.Sample(ref rng));
        }
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void An_invalid_mean_is_rejected(double mean) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Poisson(mean));

    /// <summary>P(X = k), or the whole tail below (<paramref name="lowerTail"/>) or above (<paramref name="upperTail"/>).</summary>
    internal static double Probability(double mean, long k, bool lowerTail, bool upperTail)
    {
        if (lowerTail)
        {
            double total = 0;
            for (var j = 0L; j <= k; j++)
            {
                total += Pmf(mean, j);
            }

            return total;
        }

        if (upperTail)
        {
            double below = 0;
            for (var j = 0L; j < k; j++)
            {
                below += Pmf(mean, j);
            }

            return Math.Max(0, 1 - below);
        }

        return Pmf(mean, k);
    }

    private static double Pmf(double mean, long k) => Math.Exp(-mean + (k * Math.Log(mean)) - LogFactorial(k));

    private static double LogFactorial(long n)
    {
        // Exact enough for the test: a sum of logs for small n, Stirling's series beyond.
        if (n < 256)
        {
            double sum = 0;
            for (var i = 2; i <= n; i++)
            {
                sum += Math.Log(i);
            }

            return sum;
        }

        var x = (double)n;
        return (x * Math.Log(x)) - x + (0.5 * Math.Log(2 * Math.PI * x)) + (1 / (12 * x)) - (1 / (360 * x * x * x));
    }
}
