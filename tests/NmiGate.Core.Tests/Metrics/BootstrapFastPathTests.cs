using NmiGate.Core.Metrics;
using NmiGate.Core.Metrics.Sampling;

namespace NmiGate.Core.Tests.Metrics;

/// <summary>
/// The fast path reduces each replicate to a few sums; its metrics must equal the table methods on
/// the very same replicate, and its intervals those of the function path.
/// </summary>
public sealed class BootstrapFastPathTests
{
    private static readonly BootstrapMetric[] AllMetrics =
    [
        .. Enum.GetValues<AverageMethod>().Select(a => new BootstrapMetric(BootstrapMetricKind.NormalizedMutualInformation, a)),
        .. Enum.GetValues<AverageMethod>().Select(a => new BootstrapMetric(BootstrapMetricKind.AdjustedMutualInformation, a)),
        new(BootstrapMetricKind.MutualInformation),
        new(BootstrapMetricKind.Homogeneity),
        new(BootstrapMetricKind.Completeness),
        new(BootstrapMetricKind.VMeasure),
        new(BootstrapMetricKind.AdjustedRandIndex),
        new(BootstrapMetricKind.RandIndex),
        new(BootstrapMetricKind.FowlkesMallows),
    ];

    public static TheoryData<int, int, int, double, int> Cases() => RandomLabelings.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fast_path_metrics_equal_the_table_methods_on_the_same_replicate(int seed, int n, int k, double noise, int candidateK)
    {
        var (reference, candidate) = RandomLabelings.Pair(seed, n, k, noise, candidateK);
        AssertSumsMatchTables(ContingencyTable.FromLabels<int>(reference, candidate), replicates: 200);
    }

    [Theory]
    [InlineData(1L)] // N = 1: one cell, one row
    [InlineData(7L)] // one small cell
    [InlineData(5000L)] // one large cell
    public void A_single_cell_table_matches_too(long count) =>
        AssertSumsMatchTables(ContingencyTable.FromCounts([("a", "x", count)]), replicates: 50);

    [Fact]
    public void All_singletons_match_too()
    {
        // Every cell small, and each replicate drops about a third of the clusters on both sides.
        AssertSumsMatchTables(ContingencyTable.FromCounts(Enumerable.Range(0, 60).Select(i => ($"r{i}", $"c{i}", 1L))), replicates: 300);
    }

    [Fact]
    public void A_table_past_int_max_rows_matches_too() =>
        // More than 2³¹ rows: the replicate's counts are 64-bit and Σ n² is summed in 128 bits.
        AssertSumsMatchTables(
            ContingencyTable.FromCounts([("a", "x", 1_500_000_000L), ("a", "y", 3L), ("b", "y", 1_200_000_000L), ("b", "x", 700L), ("c", "z", 2_000L), ("c", "x", 1L)]),
            replicates: 30);

    [Fact]
    public void A_table_with_only_large_cells_matches_too() =>
        AssertSumsMatchTables(BootstrapTests.NoisyTable(scale: 50), replicates: 200);

    [Fact]
    public void A_many_cell_table_with_mostly_small_cells_matches_too()
    {
        var (reference, candidate) = RandomLabelings.Pair(seed: 21, n: 20_000, k: 150, noise: 0.3);
        AssertSumsMatchTables(ContingencyTable.FromLabels<int>(reference, candidate), replicates: 40);
    }

    [Fact]
    public void Fast_and_function_paths_give_the_same_intervals()
    {
        // Both paths draw replicate r from stream r with the same sampler, so they see the same
        // replicates; only the metric's floating-point route differs.
        var (reference, candidate) = RandomLabelings.Pair(seed: 8, n: 3000, k: 40, noise: 0.4, candidateK: 30);
        var table = ContingencyTable.FromLabels<int>(reference, candidate);
        var fast = Bootstrap.Intervals(table, AllMetrics, resamples: 300, level: 0.9, seed: 17);
        var generic = Bootstrap.Intervals(table, [.. AllMetrics.Select(m => m.ToFunction())], resamples: 300, level: 0.9, seed: 17);
        for (var m = 0; m < AllMetrics.Length; m++)
        {
            Assert.Equal(generic[m].Estimate, fast[m].Estimate);
            AssertClose(generic[m].Lower, fast[m].Lower, AllMetrics[m].ToString());
            AssertClose(generic[m].Upper, fast[m].Upper, AllMetrics[m].ToString());
            Assert.True(fast[m].Lower < fast[m].Upper, AllMetrics[m].ToString());
        }
    }

    [Fact]
    public void Fast_path_is_bit_identical_whatever_the_thread_count()
    {
        var (reference, candidate) = RandomLabelings.Pair(seed: 9, n: 5000, k: 60, noise: 0.3);
        var table = ContingencyTable.FromLabels<int>(reference, candidate);
        var one = Bootstrap.Intervals(table, AllMetrics, 250, 0.95, 3, maxDegreeOfParallelism: 1);
        var two = Bootstrap.Intervals(table, AllMetrics, 250, 0.95, 3, maxDegreeOfParallelism: 2);
        var all = Bootstrap.Intervals(table, AllMetrics, 250, 0.95, 3, maxDegreeOfParallelism: -1);
        Assert.Equal(one, two);
        Assert.Equal(one, all);
    }

    [Fact]
    public void Fast_path_nmi_has_the_law_of_the_conditional_binomial_bootstrap()
    {
        // Many small cells, so most of each replicate is thrown as balls; the old sampler
        // (every cell by conditional binomials) is the reference. Two-sample KS at α = 0.001.
        const int Replicates = 2000;
        var (reference, candidate) = RandomLabelings.Pair(seed: 10, n: 2000, k: 30, noise: 0.5);
        var table = ContingencyTable.FromLabels<int>(reference, candidate);
        var nmi = new BootstrapMetric(BootstrapMetricKind.NormalizedMutualInformation);
        var fast = ReplicateValues(table, nmi, Replicates, seed: 1);
        var old = new double[Replicates];
        var weights = table.CellCounts.ToArray();
        var counts = new long[weights.Length];
        for (var r = 0; r < Replicates; r++)
        {
            var rng = Xoshiro256StarStar.ForStream(2, (ulong)r);
            Multinomial.Sample(ref rng, table.RowCount, weights, counts);
            old[r] = table.WithCounts(counts).NormalizedMutualInformation();
        }

        var critical = 1.949 * Math.Sqrt(2.0 / Replicates);
        Assert.True(BootstrapRowResamplingTests.KolmogorovSmirnov(fast, old) <= critical, $"KS D = {BootstrapRowResamplingTests.KolmogorovSmirnov(fast, old):F4} > {critical:F4}");
        Assert.InRange(BootstrapRowResamplingTests.MeanAndSd(fast).Sd / BootstrapRowResamplingTests.MeanAndSd(old).Sd, 0.9, 1.1);
    }

    [Fact]
    public void Fast_path_nmi_has_the_law_of_row_resampling()
    {
        const int Replicates = 2000;
        var (reference, candidate) = RandomLabelings.Pair(seed: 11, n: 1500, k: 25, noise: 0.5);
        var table = ContingencyTable.FromLabels<int>(reference, candidate);
        var fast = ReplicateValues(table, new BootstrapMetric(BootstrapMetricKind.NormalizedMutualInformation), Replicates, seed: 4);
        var random = new Random(5);
        var rows = new double[Replicates];
        var resampledReference = new int[reference.Length];
        var resampledCandidate = new int[reference.Length];
        for (var r = 0; r < Replicates; r++)
        {
            for (var i = 0; i < reference.Length; i++)
            {
                var row = random.Next(reference.Length);
                resampledReference[i] = reference[row];
                resampledCandidate[i] = candidate[row];
            }

            rows[r] = ContingencyTable.FromLabels<int>(resampledReference, resampledCandidate).NormalizedMutualInformation();
        }

        var critical = 1.949 * Math.Sqrt(2.0 / Replicates);
        Assert.True(BootstrapRowResamplingTests.KolmogorovSmirnov(fast, rows) <= critical, $"KS D = {BootstrapRowResamplingTests.KolmogorovSmirnov(fast, rows):F4} > {critical:F4}");
        Assert.InRange(BootstrapRowResamplingTests.MeanAndSd(fast).Sd / BootstrapRowResamplingTests.MeanAndSd(rows).Sd, 0.9, 1.1);
    }

    [Fact]
    public void A_single_cell_table_gives_a_degenerate_interval_on_the_fast_path()
    {
        var table = ContingencyTable.FromCounts([("a", "x", 1)]);
        var intervals = Bootstrap.Intervals(table, AllMetrics, resamples: 50);
        for (var m = 0; m < AllMetrics.Length; m++)
        {
            var value = AllMetrics[m].Evaluate(table);
            Assert.Equal(new ConfidenceInterval(value, value, value, 0.95, 50), intervals[m]);
        }
    }

    [Fact]
    public void Fast_path_rejects_what_the_function_path_rejects()
    {
        var nmi = new BootstrapMetric(BootstrapMetricKind.NormalizedMutualInformation);
        Assert.Throws<ArgumentException>(() => Bootstrap.Intervals(ContingencyTable.FromCounts([]), [nmi]));
        Assert.Throws<ArgumentException>(() => Bootstrap.Intervals(BootstrapTests.NoisyTable(1), Array.Empty<BootstrapMetric>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Intervals(BootstrapTests.NoisyTable(1), [nmi], resamples: 1));
    }

    /// <summary>Draws replicates both ways from the same streams and compares every metric.</summary>
    private static void AssertSumsMatchTables(ContingencyTable table, int replicates)
    {
        var sampler = new PoissonizedMultinomial(table.CellCounts, table.RowCount);
        var statistics = new ReplicateStatistics(table, sampler);
        var counts = new long[table.CellCount];
        for (var r = 0; r < replicates; r++)
        {
            var forSums = Xoshiro256StarStar.ForStream(99, (ulong)r);
            var forTable = Xoshiro256StarStar.ForStream(99, (ulong)r);
            statistics.Draw(ref forSums);
            sampler.Sample(ref forTable, counts);
            var replicate = table.WithCounts(counts);
            Assert.Equal(replicate.ReferenceSizes.ToArray(), statistics.ReferenceSizes.ToArray());
            Assert.Equal(replicate.CandidateSizes.ToArray(), statistics.CandidateSizes.ToArray());
            var emi = statistics.ExpectedMutualInformation();
            Assert.Equal(replicate.ExpectedMutualInformation(), emi);
            foreach (var metric in AllMetrics)
            {
                AssertClose(metric.Evaluate(replicate), statistics.Evaluate(metric, emi), $"{metric}, replicate {r}");
            }
        }
    }

    /// <summary>Equal to 1e-12 relative; values within 1e-13 of zero (MI of near-independent partitions) absolutely.</summary>
    private static void AssertClose(double expected, double actual, string what)
    {
        var tolerance = Math.Max(1e-12 * Math.Abs(expected), 1e-13);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: table {expected:R}, sums {actual:R}");
    }

    /// <summary>The fast path's replicate values, drawn as Bootstrap draws them (replicate r from stream r).</summary>
    private static double[] ReplicateValues(ContingencyTable table, BootstrapMetric metric, int replicates, ulong seed)
    {
        var statistics = new ReplicateStatistics(table, new PoissonizedMultinomial(table.CellCounts, table.RowCount));
        var values = new double[replicates];
        for (var r = 0; r < replicates; r++)
        {
            var rng = Xoshiro256StarStar.ForStream(seed, (ulong)r);
            statistics.Draw(ref rng);
            values[r] = statistics.Evaluate(metric, double.NaN);
        }

        return values;
    }
}
