using NmiGate.Core.Metrics.Sampling;

namespace NmiGate.Core.Tests.Metrics.Sampling;

public sealed class PoissonTablesTests
{
    [Theory]
    [InlineData(0.05)]
    [InlineData(1.0)] // unguided
    [InlineData(1.5)] // guided from here
    [InlineData(3.0)]
    [InlineData(9.5)]
    [InlineData(300.0)]
    [InlineData(70_000.0)]
    [InlineData(PoissonTables.MaxMean)]
    public void Table_draws_follow_the_poisson_pmf(double mean)
    {
        const int Draws = 200_000;
        var tables = new PoissonTables();
        var index = tables.Add(mean);
        tables.Freeze();
        var rng = Xoshiro256StarStar.FromSeed(41);
        var unguided = mean < PoissonTables.GuidedFrom;
        var single = new long[1];

        var width = (long)Math.Ceiling(6 * Math.Sqrt(mean)) + 6;
        var low = Math.Max(0, (long)mean - width);
        var observed = new long[(2 * width) + 1];
        double sum = 0;
        for (var draw = 0; draw < Draws; draw++)
        {
            // An unguided table is drawn in runs (here of one slot: the scalar tail of the four-lane path).
            var k = unguided ? tables.SampleUnguidedRun(ref rng, index, single.AsSpan()) : tables.Sample(ref rng, index);
            Assert.True(k >= 0);
            sum += k;
            observed[Math.Clamp(k - low, 0, observed.Length - 1)]++;
        }

        Assert.True(Math.Abs((sum / Draws) - mean) <= 5 * Math.Sqrt(mean / Draws), $"mean {sum / Draws}, expected {mean}");
        var (statistic, degrees) = GoodnessOfFit.ChiSquare(observed, i => Draws * PoissonTests.Probability(mean, i + low, i == 0, i == observed.Length - 1));
        Assert.True(statistic < GoodnessOfFit.Critical(degrees), $"chi² = {statistic:F1} on {degrees} df");
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.7)]
    [InlineData(1.0)]
    [InlineData(1.45)]
    public void Unguided_runs_four_lanes_at_a_time_follow_the_poisson_pmf(double mean)
    {
        // 10,003 slots per run (a tail of three after the four-lane blocks), 30 runs.
        const int Slots = 10_003;
        const int Runs = 30;
        var tables = new PoissonTables();
        var index = tables.Add(mean);
        tables.Freeze();
        var rng = Xoshiro256StarStar.FromSeed(47);
        var counts = new int[Slots];
        var observed = new long[12];
        double sum = 0;
        for (var run = 0; run < Runs; run++)
        {
            var drawn = tables.SampleUnguidedRun(ref rng, index, counts.AsSpan());
            Assert.Equal(counts.Sum(c => (long)c), drawn);
            foreach (var count in counts)
            {
                Assert.True(count >= 0);
                observed[Math.Min(count, observed.Length - 1)]++;
                sum += count;
            }
        }

        const double Draws = (double)Slots * Runs;
        Assert.True(Math.Abs((sum / Draws) - mean) <= 5 * Math.Sqrt(mean / Draws), $"mean {sum / Draws}, expected {mean}");
        var (statistic, degrees) = GoodnessOfFit.ChiSquare(observed, k => Draws * PoissonTests.Probability(mean, k, false, k == observed.Length - 1));
        Assert.True(statistic < GoodnessOfFit.Critical(degrees), $"chi² = {statistic:F1} on {degrees} df");
    }

    [Fact]
    public void Unguided_runs_are_the_same_for_the_same_stream_and_differ_between_lanes()
    {
        var tables = new PoissonTables();
        var index = tables.Add(1.0);
        tables.Freeze();
        var (a, b) = (Xoshiro256StarStar.ForStream(5, 1), Xoshiro256StarStar.ForStream(5, 1));
        var (first, second) = (new long[4001], new long[4001]);
        tables.SampleUnguidedRun(ref a, index, first.AsSpan());
        tables.SampleUnguidedRun(ref b, index, second.AsSpan());
        Assert.Equal(first, second);
        Assert.Equal(a.NextUInt64(), b.NextUInt64()); // the caller's generator moved on the same way

        // The four lanes are distinct streams: their slots do not repeat one another.
        Assert.NotEqual(first.Where((_, i) => i % 4 == 0).Take(500), first.Where((_, i) => i % 4 == 1).Take(500));
    }

    [Fact]
    public void A_guided_table_has_no_unguided_run()
    {
        var tables = new PoissonTables();
        var index = tables.Add(50);
        tables.Freeze();
        var rng = Xoshiro256StarStar.FromSeed(1);
        Assert.Throws<ArgumentException>(() => tables.SampleUnguidedRun(ref rng, index, new int[8].AsSpan()));
    }

    [Fact]
    public void Many_tables_are_sampled_independently_of_each_other()
    {
        // Tables built one after another share arrays: each must still draw its own mean.
        double[] means = [0.5, 40, 2, 1200, 7];
        var tables = new PoissonTables();
        var indices = means.Select(tables.Add).ToArray();
        tables.Freeze();
        var rng = Xoshiro256StarStar.FromSeed(43);
        for (var t = 0; t < means.Length; t++)
        {
            double sum = 0;
            const int Draws = 50_000;
            for (var draw = 0; draw < Draws; draw++)
            {
                sum += tables.Sample(ref rng, indices[t]);
            }

            Assert.True(Math.Abs((sum / Draws) - means[t]) <= 5 * Math.Sqrt(means[t] / Draws), $"table {t}: mean {sum / Draws}, expected {means[t]}");
        }
    }

    [Fact]
    public void A_zero_mean_table_always_gives_zero()
    {
        var tables = new PoissonTables();
        var index = tables.Add(0);
        tables.Freeze();
        var rng = Xoshiro256StarStar.FromSeed(1);
        for (var draw = 0; draw < 1000; draw++)
        {
            Assert.Equal(0, tables.SampleUnguidedRun(ref rng, index, new long[5].AsSpan()));
            Assert.Equal(0, tables.Sample(ref rng, index));
        }
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(PoissonTables.MaxMean * 2)]
    [InlineData(double.NaN)]
    public void A_mean_outside_the_tables_range_is_rejected(double mean) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PoissonTables().Add(mean));
}
