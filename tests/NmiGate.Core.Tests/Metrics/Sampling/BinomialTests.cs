using NmiGate.Core.Metrics;
using NmiGate.Core.Metrics.Sampling;

namespace NmiGate.Core.Tests.Metrics.Sampling;

public sealed class BinomialTests
{
    // Fixed seeds make every statistical test deterministic; the bounds are strict enough (5 standard
    // errors, chi-square p > 1e-4) that a correct sampler passes and a biased one does not.
    private const double StandardErrors = 5;

    [Theory]
    [InlineData(5L, 0.5)] // inversion
    [InlineData(20L, 0.1)] // inversion
    [InlineData(40L, 0.9)] // inversion after reflection (n·q = 4)
    [InlineData(100L, 0.1)] // BTRD at its lower limit, n·p = 10
    [InlineData(1000L, 0.3)] // BTRD
    [InlineData(1000L, 0.8)] // BTRD after reflection
    [InlineData(1_000_000_000L, 0.5)]
    [InlineData(1_000_000_000L, 3e-9)] // inversion with a huge n
    [InlineData(1_000_000_000L, 1e-4)]
    [InlineData(1L << 40, 0.25)]
    public void Mean_and_variance_match_n_p_and_n_p_q(long n, double p)
    {
        var rng = Xoshiro256StarStar.FromSeed(11);
        AssertMomentsMatch(n, p, () => Binomial.Sample(ref rng, n, p), draws: 200_000);
    }

    [Theory]
    [InlineData(1000L, 7L, 10L)]
    [InlineData(1000L, 3L, 10L)]
    [InlineData(1_000_000_000L, 999_999_999L, 1_000_000_000L)]
    [InlineData(50L, 1L, 3L)]
    public void Integer_fraction_probabilities_give_the_same_moments(long n, long successes, long total)
    {
        var rng = Xoshiro256StarStar.FromSeed(12);
        AssertMomentsMatch(n, (double)successes / total, () => Binomial.Sample(ref rng, n, successes, total), draws: 200_000);
    }

    [Fact]
    public void Degenerate_parameters_give_constant_draws()
    {
        var rng = Xoshiro256StarStar.FromSeed(13);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(0, Binomial.Sample(ref rng, 1_000_000, 0.0));
            Assert.Equal(1_000_000, Binomial.Sample(ref rng, 1_000_000, 1.0));
            Assert.Equal(0, Binomial.Sample(ref rng, 0, 0.3));
            Assert.Equal(0, Binomial.Sample(ref rng, 0, 1.0));
            Assert.Equal(0, Binomial.Sample(ref rng, 500, 0, 17));
            Assert.Equal(500, Binomial.Sample(ref rng, 500, 17, 17));
        }
    }

    [Theory]
    [InlineData(30L, 0.2, 200_000)] // inversion
    [InlineData(1_000_000_000L, 2e-9, 200_000)] // inversion, huge n
    [InlineData(20L, 0.5, 500_000)] // BTRD at n·p = 10: small mode, recursive acceptance
    [InlineData(1000L, 0.3, 500_000)] // BTRD: box, recursion and squeeze all in use
    [InlineData(200L, 0.85, 500_000)] // BTRD after reflection
    [InlineData(1_000_000L, 0.4, 500_000)] // BTRD, mostly the squeeze and the Stirling test
    public void Draws_fit_the_exact_pmf_by_chi_square(long n, double p, int draws)
    {
        var rng = Xoshiro256StarStar.FromSeed(14);
        var (statistic, degreesOfFreedom) = ChiSquareAgainstPmf(n, p, draws, ref rng);
        var pValue = ChiSquareSurvival(statistic, degreesOfFreedom);
        Assert.True(pValue > 1e-4, $"chi-square {statistic:F1} on {degreesOfFreedom} df, p = {pValue:E2}");
    }

    [Fact]
    public void The_chi_square_test_itself_rejects_a_wrong_distribution()
    {
        // Binomial(1000, 0.3) draws tested against the pmf of Binomial(1000, 0.303): a 0.3-sd shift.
        var rng = Xoshiro256StarStar.FromSeed(15);
        var observed = new Dictionary<long, long>();
        for (var i = 0; i < 200_000; i++)
        {
            var k = Binomial.Sample(ref rng, 1000, 0.3);
            observed[k] = observed.GetValueOrDefault(k) + 1;
        }

        var (statistic, degreesOfFreedom) = ChiSquare(observed, 1000, 0.303, 200_000);
        Assert.True(ChiSquareSurvival(statistic, degreesOfFreedom) < 1e-10);
    }

    [Theory]
    [InlineData(3.841458820694124, 1, 0.05)]
    [InlineData(23.209251158954356, 10, 0.01)]
    [InlineData(124.34211340400407, 100, 0.05)]
    [InlineData(2.0, 2, 0.36787944117144233)] // e^-1
    public void Chi_square_p_values_match_tabulated_values(double statistic, int degreesOfFreedom, double expected)
    {
        Assert.Equal(expected, ChiSquareSurvival(statistic, degreesOfFreedom), 1e-9);
    }

    [Fact]
    public void Stirling_corrections_match_their_definition()
    {
        for (long k = 0; k <= 170; k++)
        {
            var definition = LogFactorial.Of(k) - (((k + 0.5) * Math.Log(k + 1.0)) - (k + 1.0) + (0.5 * Math.Log(2 * Math.PI)));
            // The definition subtracts numbers up to ln 170! ≈ 706, so it is itself only good to a few ulps of those.
            var tolerance = 1e-15 * Math.Max(1, LogFactorial.Of(k));
            Assert.True(
                Math.Abs(Binomial.StirlingCorrection(k) - definition) <= tolerance,
                $"k = {k}: {Binomial.StirlingCorrection(k):R} vs {definition:R}");
        }

        // Far out, fc(k) → 1/(12(k + 1)).
        Assert.Equal(1.0 / 12e12, Binomial.StirlingCorrection(999_999_999_999), 1e-28);
    }

    [Theory]
    [InlineData(16L, 0.004901395948434738)]
    [InlineData(17L, 0.004629153749334028)]
    [InlineData(20L, 0.00396795421864086)]
    [InlineData(50L, 0.0016339659899078578)]
    [InlineData(1000L, 8.325008048062296e-05)]
    public void Stirling_corrections_from_the_series_are_correct_to_the_last_digits(long k, double exact)
    {
        // Reference values computed to 60 digits and rounded once; allow two ulps of evaluation rounding.
        Assert.True(Math.Abs(Binomial.StirlingCorrection(k) - exact) <= 5e-16 * exact, $"{Binomial.StirlingCorrection(k):R} vs {exact:R}");
    }

    [Theory]
    [InlineData(200L, 0.15)]
    [InlineData(1000L, 0.3)]
    [InlineData(100_000L, 0.4)]
    [InlineData(1_000_000_000L, 0.5)]
    public void The_exact_acceptance_test_computes_the_log_pmf_ratio_to_the_mode(long n, double p)
    {
        // BTRD's last step rarely runs, so a statistical test cannot see a small error in it; check
        // the formula directly against log-factorials.
        var m = (long)Math.Floor((n + 1) * p);
        var r = p / (1 - p);
        var h = Binomial.ModeTerm(n, m, r);
        var sd = Math.Sqrt(n * p * (1 - p));
        // Both sides carry rounding errors of a few ulps of ln n! and n·ε.
        var tolerance = 4e-15 * (LogFactorial.Of(n) + n);
        foreach (var offset in new[] { -6 * sd, -3 * sd, -16, 16, 3 * sd, 6 * sd })
        {
            var k = Math.Clamp(m + (long)offset, 0, n);
            var expected = LogPmf(n, p, k) - LogPmf(n, p, m);
            var actual = Binomial.LogRatioToMode(n, m, k, r, h);
            Assert.True(Math.Abs(actual - expected) <= tolerance, $"k = {k}: {actual:R} vs {expected:R} (tolerance {tolerance:E1})");
        }
    }

    [Theory]
    [InlineData(1e-20, -1e-20)]
    [InlineData(1e-10, -1.00000000005e-10)]
    [InlineData(0.0009765625, -0.0009770396478266127)] // last p on the series
    [InlineData(0.001, -0.0010005003335835335)] // first p past it
    [InlineData(0.01, -0.010050335853501442)]
    [InlineData(0.5, -0.6931471805599453)]
    [InlineData(0.0, 0.0)]
    public void Log_one_minus_keeps_full_relative_precision(double p, double expected)
    {
        var actual = Binomial.LogOneMinus(p);
        Assert.True(Math.Abs(actual - expected) <= 2e-16 * Math.Abs(expected), $"{actual:R} vs {expected:R}");
    }

    [Fact]
    public void Invalid_parameters_are_rejected()
    {
        var rng = Xoshiro256StarStar.FromSeed(16);
        Assert.Throws<ArgumentOutOfRangeException>(() => Binomial.Sample(ref rng, -1, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Binomial.Sample(ref rng, 10, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Binomial.Sample(ref rng, 10, 1.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Binomial.Sample(ref rng, 10, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Binomial.Sample(ref rng, 10, 5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Binomial.Sample(ref rng, 10, 0, 0));
    }

    private static void AssertMomentsMatch(long n, double p, Func<long> draw, int draws)
    {
        // Shift by the rounded mean so the sums stay exact in doubles even for n near 2^40.
        var shift = (long)Math.Round(n * p);
        double sum = 0;
        double sumOfSquares = 0;
        for (var i = 0; i < draws; i++)
        {
            var k = draw();
            Assert.InRange(k, 0, n);
            var d = (double)(k - shift);
            sum += d;
            sumOfSquares += d * d;
        }

        var mean = sum / draws;
        var variance = (sumOfSquares - (sum * mean)) / (draws - 1);
        var expectedMean = (n * p) - shift;
        var expectedVariance = n * p * (1 - p);
        var meanError = Math.Sqrt(expectedVariance / draws);
        var fourthMoment = expectedVariance * (1 + (3 * (n - 2) * p * (1 - p)));
        var varianceError = Math.Sqrt((fourthMoment - (expectedVariance * expectedVariance)) / draws);
        Assert.True(
            Math.Abs(mean - expectedMean) <= StandardErrors * meanError,
            $"Binomial({n}, {p}): mean {mean + shift:R}, expected {n * p:R} ± {StandardErrors * meanError:G3}");
        Assert.True(
            Math.Abs(variance - expectedVariance) <= StandardErrors * varianceError,
            $"Binomial({n}, {p}): variance {variance:R}, expected {expectedVariance:R} ± {StandardErrors * varianceError:G3}");
    }

    private static (double Statistic, int DegreesOfFreedom) ChiSquareAgainstPmf(long n, double p, int draws, ref Xoshiro256StarStar rng)
    {
        var observed = new Dictionary<long, long>();
        for (var i = 0; i < draws; i++)
        {
            var k = Binomial.Sample(ref rng, n, p);
            Assert.InRange(k, 0, n);
            observed[k] = observed.GetValueOrDefault(k) + 1;
        }

        return ChiSquare(observed, n, p, draws);
    }

    /// <summary>
    /// Pearson's statistic over the values within 12 standard deviations of the mean (the mass
    /// beyond is below 1e-30), adjacent values pooled until every bin expects at least 5.
    /// </summary>
    private static (double Statistic, int DegreesOfFreedom) ChiSquare(Dictionary<long, long> observed, long n, double p, int draws)
    {
        var spread = (12 * Math.Sqrt(n * p * (1 - p))) + 20;
        var low = (long)Math.Max(0, Math.Floor((n * p) - spread));
        var high = (long)Math.Min(n, Math.Ceiling((n * p) + spread));
        var outside = observed.Where(o => o.Key < low || o.Key > high).Sum(o => o.Value);
        Assert.Equal(0, outside);

        var bins = new List<(double Expected, long Observed)>();
        double expected = 0;
        long count = 0;
        for (var k = low; k <= high; k++)
        {
            expected += draws * Math.Exp(LogPmf(n, p, k));
            count += observed.GetValueOrDefault(k);
            if (expected >= 5)
            {
                bins.Add((expected, count));
                (expected, count) = (0, 0);
            }
        }

        if (bins.Count == 0)
        {
            bins.Add((expected, count));
        }
        else
        {
            bins[^1] = (bins[^1].Expected + expected, bins[^1].Observed + count);
        }

        var statistic = bins.Sum(b => (b.Observed - b.Expected) * (b.Observed - b.Expected) / b.Expected);
        return (statistic, bins.Count - 1);
    }

    private static double LogPmf(long n, double p, long k) =>
        LogFactorial.Of(n) - LogFactorial.Of(k) - LogFactorial.Of(n - k) + (k * Math.Log(p)) + ((n - k) * Math.Log(1 - p));

    /// <summary>P(χ²_df ≥ statistic) = Q(df/2, statistic/2), the regularized upper incomplete gamma function.</summary>
    private static double ChiSquareSurvival(double statistic, int degreesOfFreedom)
    {
        var a = degreesOfFreedom / 2.0;
        var x = statistic / 2;
        if (x <= 0)
        {
            return 1;
        }

        var logPrefactor = (a * Math.Log(x)) - x - LogGamma(a);
        if (x < a + 1)
        {
            // Series for the lower function P(a, x).
            var term = 1 / a;
            var sum = term;
            for (var i = 1; i < 10_000 && Math.Abs(term) > Math.Abs(sum) * 1e-16; i++)
            {
                term *= x / (a + i);
                sum += term;
            }

            return 1 - (sum * Math.Exp(logPrefactor));
        }

        // Lentz's continued fraction for Q(a, x).
        const double Tiny = 1e-300;
        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < 10_000; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp(logPrefactor) * h;
    }

    /// <summary>ln Γ(x) for x ≥ ½ by Lanczos' approximation (g = 7, 9 terms; relative error ~1e-15).</summary>
    private static double LogGamma(double x)
    {
        double[] coefficients =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        var series = coefficients[0];
        for (var i = 1; i < coefficients.Length; i++)
        {
            series += coefficients[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(series);
    }
}
