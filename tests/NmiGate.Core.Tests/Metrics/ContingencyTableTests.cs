using System.Numerics;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Tests.Metrics;

public sealed class ContingencyTableTests
{
    [Fact]
    public void Labelings_of_different_lengths_are_rejected_naming_both_lengths()
    {
        var error = Assert.Throws<ArgumentException>(() => ContingencyTable.FromLabels(new[] { "a", "b", "c" }, new[] { "a", "b" }));
        Assert.Contains("3", error.Message, StringComparison.Ordinal);
        Assert.Contains("2", error.Message, StringComparison.Ordinal);
        Assert.Contains("reference", error.Message, StringComparison.Ordinal);

        var spanError = Assert.Throws<ArgumentException>(() => ContingencyTable.FromLabels(new int[5].AsSpan(), new int[4].AsSpan()));
        Assert.Contains("5", spanError.Message, StringComparison.Ordinal);
        Assert.Contains("4", spanError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_table_follows_scikit_learn_conventions_and_rejects_mutual_information()
    {
        var table = ContingencyTable.FromLabels(Array.Empty<string>(), Array.Empty<string>());
        Assert.Equal(0, table.RowCount);
        Assert.Equal(1.0, table.ReferenceEntropy);
        Assert.Equal(1.0, table.NormalizedMutualInformation());
        Assert.Equal(1.0, table.AdjustedMutualInformation());
        Assert.Equal(1.0, table.AdjustedRandIndex());
        Assert.Equal(1.0, table.RandIndex());
        Assert.Equal(1.0, table.Homogeneity());
        Assert.Equal(1.0, table.Completeness());
        Assert.Equal(1.0, table.VMeasure());
        Assert.Equal(0.0, table.FowlkesMallows());
        var error = Assert.Throws<InvalidOperationException>(() => table.MutualInformation());
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_cluster_on_one_side_gives_zero_information()
    {
        var table = ContingencyTable.FromLabels(new[] { "x", "x", "x", "x" }, new[] { "a", "b", "a", "c" });
        Assert.Equal(0.0, table.ReferenceEntropy);
        Assert.Equal(0.0, table.MutualInformation());
        Assert.Equal(0.0, table.NormalizedMutualInformation());
        Assert.Equal(0.0, table.AdjustedMutualInformation());
        Assert.Equal(0.0, table.ExpectedMutualInformation());
        Assert.Equal(1.0, table.Homogeneity());
    }

    [Fact]
    public void Labels_are_compared_exactly_as_text()
    {
        var table = ContingencyTable.FromLabels(new[] { "1", "01", "1", "01" }, new[] { "a", "a", "b", "b" });
        Assert.Equal(2, table.ReferenceClusterCount);
        Assert.Equal(["01", "1"], table.ReferenceLabels);
    }

    [Theory]
    [InlineData(1, 1000, 5, 0.3)] // dense, small range: counted straight into the table
    [InlineData(2, 2000, 1500, 0.5)] // more cells than rows: the sparse path
    [InlineData(3, 100_000, 40, 0.2)]
    public void Integer_fast_path_agrees_with_the_generic_path(int seed, int n, int k, double noise)
    {
        var (reference, candidate) = RandomLabelings.Pair(seed, n, k, noise);
        AssertSameTable(ContingencyTable.FromLabels(reference.Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), candidate.Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()), ContingencyTable.FromLabels(reference.AsSpan(), candidate.AsSpan()), byName: true);

        // Labels spread over the whole int range (dictionary encoding) and with a huge offset (lookup with bias).
        var spread = reference.Select(x => (x * 1_000_003) - 1_500_000_000).ToArray();
        var offset = candidate.Select(x => x + 2_000_000_000).ToArray();
        AssertSameTable(ContingencyTable.FromLabels(reference.AsSpan(), candidate.AsSpan()), ContingencyTable.FromLabels(spread.AsSpan(), offset.AsSpan()), byName: false);
    }

    [Fact]
    public void Parallel_counting_of_a_large_input_matches_a_dictionary_count()
    {
        var (reference, candidate) = RandomLabelings.Pair(11, 3_000_000, 20, 0.3);
        var table = ContingencyTable.FromLabels(reference.AsSpan(), candidate.AsSpan());
        var expected = new Dictionary<(int, int), long>();
        for (var i = 0; i < reference.Length; i++)
        {
            expected[(reference[i], candidate[i])] = expected.GetValueOrDefault((reference[i], candidate[i])) + 1;
        }

        Assert.Equal(expected.Count, table.CellCount);
        foreach (var cell in table.Cells)
        {
            var key = (int.Parse(table.ReferenceLabels[cell.Reference], System.Globalization.CultureInfo.InvariantCulture), int.Parse(table.CandidateLabels[cell.Candidate], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(expected[key], cell.Count);
        }
    }

    [Fact]
    public void Merging_shards_gives_the_table_of_all_rows()
    {
        var (reference, candidate) = RandomLabelings.Pair(21, 5000, 12, 0.25);
        var whole = ContingencyTable.FromLabels(reference.AsSpan(), candidate.AsSpan());
        var first = ContingencyTable.FromLabels(reference.AsSpan(0, 1234), candidate.AsSpan(0, 1234));
        var second = ContingencyTable.FromLabels(reference.AsSpan(1234), candidate.AsSpan(1234));
        var merged = first.Merge(second);
        AssertSameTable(whole, merged, byName: true);
        Assert.Equal(whole.NormalizedMutualInformation(), merged.NormalizedMutualInformation(), 1e-15);
    }

    [Fact]
    public void From_counts_adds_repeated_pairs_ignores_zeros_and_rejects_negative_counts()
    {
        var table = ContingencyTable.FromCounts([("a", "x", 3), ("a", "x", 2), ("b", "y", 4), ("c", "x", 0)]);
        Assert.Equal(9, table.RowCount);
        Assert.Equal(2, table.ReferenceClusterCount); // "c" has no rows
        Assert.Equal(5, table.GetCell(0).Count);

        var error = Assert.Throws<ArgumentException>(() => ContingencyTable.FromCounts([("a", "x", -1)]));
        Assert.Contains("(a, x)", error.Message, StringComparison.Ordinal);
        Assert.Contains("-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_counts_equals_counting_the_rows()
    {
        var rows = new[] { ("a", "x"), ("a", "x"), ("a", "y"), ("b", "y"), ("b", "y"), ("c", "z") };
        var fromRows = ContingencyTable.FromLabels(rows.Select(r => r.Item1).ToArray(), rows.Select(r => r.Item2).ToArray());
        var fromCounts = ContingencyTable.FromCounts(rows.GroupBy(r => r).Select(g => (g.Key.Item1, g.Key.Item2, (long)g.Count())));
        AssertSameTable(fromRows, fromCounts, byName: true);
    }

    [Fact]
    public void Pair_counting_metrics_do_not_overflow_at_a_billion_rows()
    {
        // 10^9 rows in a 3 × 3 table: ordered pair counts reach 10^18 and their products 10^36.
        var counts = new (string, string, long)[]
        {
            ("a", "x", 300_000_000), ("a", "y", 20_000_000), ("a", "z", 13_000_000),
            ("b", "x", 10_000_000), ("b", "y", 250_000_000), ("b", "z", 40_000_000),
            ("c", "x", 7_000_000), ("c", "y", 60_000_000), ("c", "z", 300_000_000),
        };
        var table = ContingencyTable.FromCounts(counts);
        Assert.Equal(1_000_000_000, table.RowCount);
        var (ari, rand, fmi) = ExactPairMetrics(counts);
        Assert.Equal(ari, table.AdjustedRandIndex(), 1e-12);
        Assert.Equal(rand, table.RandIndex(), 1e-12);
        Assert.Equal(fmi, table.FowlkesMallows(), 1e-12);
    }

    [Fact]
    public void Expected_mutual_information_matches_the_textbook_triple_sum()
    {
        var (reference, candidate) = RandomLabelings.Pair(5, 400, 7, 0.6, 5);
        var table = ContingencyTable.FromLabels(reference.AsSpan(), candidate.AsSpan());
        Assert.Equal(NaiveExpectedMutualInformation(table), table.ExpectedMutualInformation(), 1e-12);
    }

    /// <summary>Adjusted Rand, Rand and Fowlkes-Mallows from unordered pair counts in exact integer arithmetic (an independent derivation).</summary>
    private static (double Ari, double Rand, double Fmi) ExactPairMetrics((string, string, long)[] counts)
    {
        static BigInteger Pairs(BigInteger n) => n * (n - 1) / 2;
        var n = counts.Aggregate(BigInteger.Zero, (s, c) => s + c.Item3);
        var together = counts.Aggregate(BigInteger.Zero, (s, c) => s + Pairs(c.Item3));
        var referencePairs = counts.GroupBy(c => c.Item1).Aggregate(BigInteger.Zero, (s, g) => s + Pairs(g.Sum(c => c.Item3)));
        var candidatePairs = counts.GroupBy(c => c.Item2).Aggregate(BigInteger.Zero, (s, g) => s + Pairs(g.Sum(c => c.Item3)));
        var all = Pairs(n);

        // ARI = (index − expected) / (max − expected), multiplied through by 2·C(N,2) to stay integral.
        var numerator = (2 * all * together) - (2 * referencePairs * candidatePairs);
        var denominator = (all * (referencePairs + candidatePairs)) - (2 * referencePairs * candidatePairs);
        var agreements = all + (2 * together) - referencePairs - candidatePairs;
        var ari = (double)numerator / (double)denominator;
        var rand = (double)agreements / (double)all;
        var fmi = (double)together / Math.Sqrt((double)referencePairs * (double)candidatePairs);
        return (ari, rand, fmi);
    }

    private static double NaiveExpectedMutualInformation(ContingencyTable table)
    {
        var n = table.RowCount;
        var logFactorial = new double[n + 1];
        for (var i = 1; i <= n; i++)
        {
            logFactorial[i] = logFactorial[i - 1] + Math.Log(i);
        }

        double emi = 0;
        foreach (var a in table.ReferenceSizes.ToArray())
        {
            foreach (var b in table.CandidateSizes.ToArray())
            {
                for (var k = Math.Max(1, a + b - n); k <= Math.Min(a, b); k++)
                {
                    var logP = logFactorial[a] + logFactorial[b] + logFactorial[n - a] + logFactorial[n - b] - logFactorial[n]
                        - logFactorial[k] - logFactorial[a - k] - logFactorial[b - k] - logFactorial[n - a - b + k];
                    emi += (double)k / n * Math.Log((double)n * k / ((double)a * b)) * Math.Exp(logP);
                }
            }
        }

        return emi;
    }

    private static void AssertSameTable(ContingencyTable expected, ContingencyTable actual, bool byName)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.ReferenceClusterCount, actual.ReferenceClusterCount);
        Assert.Equal(expected.CandidateClusterCount, actual.CandidateClusterCount);
        Assert.Equal(expected.CellCount, actual.CellCount);
        if (byName)
        {
            var cells = expected.Cells.ToDictionary(c => (expected.ReferenceLabels[c.Reference], expected.CandidateLabels[c.Candidate]), c => c.Count);
            foreach (var cell in actual.Cells)
            {
                Assert.Equal(cells[(actual.ReferenceLabels[cell.Reference], actual.CandidateLabels[cell.Candidate])], cell.Count);
            }
        }
        else
        {
            Assert.Equal(expected.Cells.Select(c => c.Count).Order(), actual.Cells.Select(c => c.Count).Order());
        }

        Assert.Equal(expected.MutualInformation(), actual.MutualInformation(), 1e-12);
        Assert.Equal(expected.AdjustedRandIndex(), actual.AdjustedRandIndex(), 1e-12);
    }
}
