using NmiGate.Core.Metrics;

namespace NmiGate.Core.Tests.Metrics;

public sealed class BootstrapTests
{
    private static readonly Func<ContingencyTable, double> Nmi = t => t.NormalizedMutualInformation();

    [Fact]
    public void Replicates_are_identical_for_the_same_seed()
    {
        var table = NoisyTable(scale: 1);
        var first = Bootstrap.Interval(table, Nmi, resamples: 500, seed: 42);
        var second = Bootstrap.Interval(table, Nmi, resamples: 500, seed: 42);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Different_seeds_give_different_intervals()
    {
        var table = NoisyTable(scale: 1);
        var first = Bootstrap.Interval(table, Nmi, resamples: 500, seed: 1);
        var second = Bootstrap.Interval(table, Nmi, resamples: 500, seed: 2);
        Assert.Equal(first.Estimate, second.Estimate);
        Assert.NotEqual(first.Lower, second.Lower);
        Assert.NotEqual(first.Upper, second.Upper);
    }

    [Fact]
    public void Parallel_and_sequential_runs_are_bit_identical()
    {
        var table = NoisyTable(scale: 1);
        var parallel = Bootstrap.Intervals(table, [Nmi], 300, 0.9, 7, maxDegreeOfParallelism: -1);
        var sequential = Bootstrap.Intervals(table, [Nmi], 300, 0.9, 7, maxDegreeOfParallelism: 1);
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Intervals_with_one_metric_equals_Interval()
    {
        var table = NoisyTable(scale: 1);
        var single = Bootstrap.Interval(table, Nmi, resamples: 400, level: 0.9, seed: 5);
        var list = Bootstrap.Intervals(table, [Nmi], resamples: 400, level: 0.9, seed: 5);
        Assert.Equal(single, Assert.Single(list));
    }

    [Fact]
    public void Metrics_in_one_call_are_evaluated_on_the_same_replicates()
    {
        // Doubling is exact in floating point, so shared replicates give exactly doubled quantiles.
        var table = NoisyTable(scale: 1);
        var intervals = Bootstrap.Intervals(table, [Nmi, t => 2 * Nmi(t), t => t.AdjustedRandIndex()], resamples: 400, seed: 9);
        Assert.Equal(3, intervals.Count);
        Assert.Equal(2 * intervals[0].Lower, intervals[1].Lower);
        Assert.Equal(2 * intervals[0].Upper, intervals[1].Upper);
        Assert.Equal(table.AdjustedRandIndex(), intervals[2].Estimate);
        Assert.Equal(Bootstrap.Interval(table, Nmi, resamples: 400, seed: 9), intervals[0]);
    }

    [Fact]
    public void Every_replicate_keeps_the_row_count()
    {
        var table = NoisyTable(scale: 1);
        var interval = Bootstrap.Interval(table, t => t.RowCount, resamples: 200, seed: 3);
        Assert.Equal((300.0, 300.0, 300.0), (interval.Estimate, interval.Lower, interval.Upper));
    }

    [Fact]
    public void Interval_brackets_the_estimate_on_a_typical_table()
    {
        var table = NoisyTable(scale: 20);
        var interval = Bootstrap.Interval(table, Nmi, resamples: 1000, level: 0.95, seed: 1);
        Assert.Equal(table.NormalizedMutualInformation(), interval.Estimate);
        Assert.True(interval.Lower < interval.Estimate && interval.Estimate < interval.Upper, interval.ToString());
        Assert.Equal(0.95, interval.Level);
        Assert.Equal(1000, interval.Resamples);
    }

    [Fact]
    public void Interval_narrows_as_the_table_grows()
    {
        // Same proportions, 100 times the rows: the width should shrink about tenfold (1/√N).
        var small = Bootstrap.Interval(NoisyTable(scale: 1), Nmi, resamples: 1000, seed: 1);
        var large = Bootstrap.Interval(NoisyTable(scale: 100), Nmi, resamples: 1000, seed: 1);
        var smallWidth = small.Upper - small.Lower;
        var largeWidth = large.Upper - large.Lower;
        Assert.InRange(largeWidth / smallWidth, 0.05, 0.2);
    }

    [Fact]
    public void Replicates_cost_the_same_whatever_the_row_count()
    {
        // A table of 10^18 rows: row resampling is impossible, the multinomial is as cheap as ever.
        var table = ContingencyTable.FromCounts([("a", "x", 400_000_000_000_000_000), ("a", "y", 100_000_000_000_000_000), ("b", "y", 500_000_000_000_000_000)]);
        var interval = Bootstrap.Interval(table, Nmi, resamples: 200, seed: 1);
        Assert.InRange(interval.Upper - interval.Lower, 0, 1e-8);
        Assert.InRange(interval.Estimate, interval.Lower - 1e-8, interval.Upper + 1e-8);
    }

    [Fact]
    public void A_single_cell_table_gives_a_degenerate_interval()
    {
        var table = ContingencyTable.FromCounts([("a", "x", 42)]);
        var interval = Bootstrap.Interval(table, Nmi, resamples: 100);
        Assert.Equal(new ConfidenceInterval(1.0, 1.0, 1.0, 0.95, 100), interval);
    }

    [Fact]
    public void Replicates_drop_cells_and_clusters_that_receive_no_rows()
    {
        // 40 singleton cells: a replicate leaves about 40/e of them empty, and their clusters vanish.
        var table = ContingencyTable.FromCounts(Enumerable.Range(0, 40).Select(i => ($"r{i}", $"c{i}", 1L)));
        var interval = Bootstrap.Interval(table, t => t.ReferenceClusterCount, resamples: 400, seed: 2);
        Assert.Equal(40, interval.Estimate);
        Assert.InRange(interval.Lower, 20, 30);
        Assert.InRange(interval.Upper, 22, 32);
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 0.025, 1.1)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 0.975, 4.9)]
    [InlineData(new double[] { 0, 10 }, 0.3, 3.0)]
    [InlineData(new double[] { 0, 10 }, 0.75, 7.5)]
    [InlineData(new double[] { 1, 2, 3 }, 0.5, 2.0)]
    [InlineData(new double[] { 1, 2, 3 }, 0.0, 1.0)]
    [InlineData(new double[] { 1, 2, 3 }, 1.0, 3.0)]
    [InlineData(new double[] { 4, 4 }, 0.6, 4.0)]
    public void Quantile_follows_numpy_linear_method(double[] sorted, double q, double expected)
    {
        Assert.Equal(expected, Bootstrap.Quantile(sorted, q), 1e-15);
    }

    [Fact]
    public void Empty_table_is_rejected()
    {
        var empty = ContingencyTable.FromCounts([]);
        var error = Assert.Throws<ArgumentException>(() => Bootstrap.Interval(empty, Nmi));
        Assert.Contains("cannot bootstrap a table with no rows", error.Message, StringComparison.Ordinal);
        Assert.Equal("table", error.ParamName);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    public void Fewer_than_two_resamples_are_rejected(int resamples)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Interval(NoisyTable(scale: 1), Nmi, resamples));
        Assert.Equal("resamples", error.ParamName);
        Assert.Contains("at least 2 resamples", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Level_outside_zero_to_one_is_rejected(double level)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Interval(NoisyTable(scale: 1), Nmi, level: level));
        Assert.Equal("level", error.ParamName);
        Assert.Contains("strictly between 0 and 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_metrics_are_rejected()
    {
        var table = NoisyTable(scale: 1);
        var single = Assert.Throws<ArgumentNullException>(() => Bootstrap.Interval(table, null!));
        Assert.Equal("metric", single.ParamName);
        var inList = Assert.Throws<ArgumentNullException>(() => Bootstrap.Intervals(table, [Nmi, null!]));
        Assert.Contains("Metric 1 is null", inList.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => Bootstrap.Intervals(table, (IReadOnlyList<Func<ContingencyTable, double>>)null!));
        Assert.Throws<ArgumentException>(() => Bootstrap.Intervals(table, Array.Empty<Func<ContingencyTable, double>>()));
    }

    [Fact]
    public void NaN_on_a_replicate_names_the_metric_and_the_replicate()
    {
        var table = NoisyTable(scale: 1);
        Func<ContingencyTable, double> nanOnReplicates = t => ReferenceEquals(t, table) ? 0.5 : double.NaN;
        var error = Assert.Throws<InvalidOperationException>(() => Bootstrap.Intervals(table, [Nmi, nanOnReplicates], resamples: 50));
        Assert.Contains("Metric 1 returned NaN on bootstrap replicate 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NaN_on_the_observed_table_is_reported()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Bootstrap.Interval(NoisyTable(scale: 1), _ => double.NaN));
        Assert.Contains("Metric 0 returned NaN on the observed table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_metric_surfaces_its_own_exception()
    {
        var table = NoisyTable(scale: 1);
        var error = Assert.Throws<FormatException>(() =>
            Bootstrap.Interval(table, t => ReferenceEquals(t, table) ? 0 : throw new FormatException("metric bug")));
        Assert.Equal("metric bug", error.Message);
    }

    /// <summary>A 3×3 table of 300·scale rows: three clusters recovered with some confusion.</summary>
    internal static ContingencyTable NoisyTable(long scale) => ContingencyTable.FromCounts(
    [
        ("r0", "c0", 80 * scale), ("r0", "c1", 12 * scale), ("r0", "c2", 8 * scale),
        ("r1", "c0", 15 * scale), ("r1", "c1", 70 * scale), ("r1", "c2", 15 * scale),
        ("r2", "c0", 4 * scale), ("r2", "c1", 6 * scale), ("r2", "c2", 90 * scale),
    ]);
}
