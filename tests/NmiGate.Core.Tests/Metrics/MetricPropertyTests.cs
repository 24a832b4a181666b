using NmiGate.Core.Metrics;

namespace NmiGate.Core.Tests.Metrics;

/// <summary>Properties every clustering-comparison metric must have, checked on seeded random labelings.</summary>
public sealed class MetricPropertyTests
{
    private const double Tolerance = 1e-12;

    public static TheoryData<int, int, int, double, int> Cases() => RandomLabelings.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Symmetric_metrics_do_not_depend_on_which_side_is_the_reference(int seed, int n, int k, double noise, int candidateK)
    {
        var (reference, candidate) = RandomLabelings.Pair(seed, n, k, noise, candidateK);
        var forward = ContingencyTable.FromLabels(reference, candidate);
        var backward = ContingencyTable.FromLabels(candidate, reference);
        foreach (var average in Enum.GetValues<AverageMethod>())
        {
            Assert.Equal(forward.NormalizedMutualInformation(average), backward.NormalizedMutualInformation(average), Tolerance);
            Assert.Equal(forward.AdjustedMutualInformation(average), backward.AdjustedMutualInformation(average), 1e-10);
        }

        Assert.Equal(forward.MutualInformation(), backward.MutualInformation(), Tolerance);
        Assert.Equal(forward.AdjustedRandIndex(), backward.AdjustedRandIndex(), Tolerance);
        Assert.Equal(forward.RandIndex(), backward.RandIndex(), Tolerance);
        Assert.Equal(forward.FowlkesMallows(), backward.FowlkesMallows(), Tolerance);
        Assert.Equal(forward.VMeasure(), backward.VMeasure(), Tolerance);

        // Homogeneity and completeness trade places.
        Assert.Equal(forward.Homogeneity(), backward.Completeness(), Tolerance);
        Assert.Equal(forward.Completeness(), backward.Homogeneity(), Tolerance);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Metrics_do_not_depend_on_label_values_or_row_order(int seed, int n, int k, double noise, int candidateK)
    {
        var (reference, candidate) = RandomLabelings.Pair(seed, n, k, noise, candidateK);
        var original = Snapshot(ContingencyTable.FromLabels(reference, candidate));

        // Relabel both sides with a random bijection onto arbitrary (negative, huge) values and shuffle the rows.
        var random = new Random(seed + 1000);
        var referenceMap = RandomBijection(random, reference.Max() + 1);
        var candidateMap = RandomBijection(random, candidate.Max() + 1);
        var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        var relabelledReference = order.Select(i => referenceMap[reference[i]]).ToArray();
        var relabelledCandidate = order.Select(i => candidateMap[candidate[i]]).ToArray();
        var relabelled = Snapshot(ContingencyTable.FromLabels(relabelledReference, relabelledCandidate));

        Assert.Equal(original.Length, relabelled.Length);
        for (var i = 0; i < original.Length; i++)
        {
            Assert.Equal(original[i], relabelled[i], 1e-10);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Metrics_stay_within_their_bounds(int seed, int n, int k, double noise, int candidateK)
    {
        var (reference, candidate) = RandomLabelings.Pair(seed, n, k, noise, candidateK);
        var table = ContingencyTable.FromLabels(reference, candidate);
        foreach (var average in Enum.GetValues<AverageMethod>())
        {
            InRange(table.NormalizedMutualInformation(average), 0, 1);
            Assert.True(table.AdjustedMutualInformation(average) <= 1 + Tolerance);
        }

        InRange(table.RandIndex(), 0, 1);
        InRange(table.AdjustedRandIndex(), -0.5, 1);
        InRange(table.Homogeneity(), 0, 1);
        InRange(table.Completeness(), 0, 1);
        InRange(table.VMeasure(), 0, 1);
        InRange(table.FowlkesMallows(), 0, 1);
        Assert.True(table.MutualInformation() >= 0);
        Assert.True(table.MutualInformation() <= Math.Min(table.ReferenceEntropy, table.CandidateEntropy) + Tolerance);
        Assert.True(table.ExpectedMutualInformation() >= -Tolerance);

        // NMI is ordered by its normaliser: min ≥ geometric ≥ arithmetic ≥ max.
        Assert.True(table.NormalizedMutualInformation(AverageMethod.Min) >= table.NormalizedMutualInformation(AverageMethod.Geometric) - Tolerance);
        Assert.True(table.NormalizedMutualInformation(AverageMethod.Geometric) >= table.NormalizedMutualInformation(AverageMethod.Arithmetic) - Tolerance);
        Assert.True(table.NormalizedMutualInformation(AverageMethod.Arithmetic) >= table.NormalizedMutualInformation(AverageMethod.Max) - Tolerance);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Arithmetic_NMI_equals_V_measure_with_beta_1(int seed, int n, int k, double noise, int candidateK)
    {
        var (reference, candidate) = RandomLabelings.Pair(seed, n, k, noise, candidateK);
        var table = ContingencyTable.FromLabels(reference, candidate);
        if (table.ReferenceClusterCount == 1 && table.CandidateClusterCount == 1)
        {
            return; // both are 1 by convention; covered by the identical-partition test
        }

        Assert.Equal(table.VMeasure(1.0), table.NormalizedMutualInformation(AverageMethod.Arithmetic), Tolerance);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Identical_partitions_score_1_on_every_similarity_metric(int seed, int n, int k, double noise, int candidateK)
    {
        _ = noise;
        _ = candidateK;
        var (reference, _) = RandomLabelings.Pair(seed, n, k, 0);
        var shifted = reference.Select(label => (label * 7) + 3).ToArray();
        var table = ContingencyTable.FromLabels(reference, shifted);
        foreach (var average in Enum.GetValues<AverageMethod>())
        {
            Assert.Equal(1.0, table.NormalizedMutualInformation(average), Tolerance);
            Assert.Equal(1.0, table.AdjustedMutualInformation(average), 1e-9);
        }

        Assert.Equal(1.0, table.AdjustedRandIndex(), Tolerance);
        Assert.Equal(1.0, table.RandIndex(), Tolerance);
        Assert.Equal(1.0, table.Homogeneity(), Tolerance);
        Assert.Equal(1.0, table.Completeness(), Tolerance);
        Assert.Equal(1.0, table.VMeasure(), Tolerance);
        if (table.ReferenceClusterCount < n)
        {
            Assert.Equal(1.0, table.FowlkesMallows(), Tolerance);
        }
    }

    [Fact]
    public void All_singleton_identical_partitions_give_AMI_1()
    {
        var labels = Enumerable.Range(0, 500).ToArray();
        var table = ContingencyTable.FromLabels(labels, labels);
        Assert.Equal(1.0, table.AdjustedMutualInformation(), 1e-9);
        Assert.Equal(1.0, table.NormalizedMutualInformation(), Tolerance);
        Assert.Equal(0.0, table.FowlkesMallows()); // no pair is co-clustered
    }

    [Fact]
    public void Independent_partitions_have_zero_MI_and_NMI_exactly()
    {
        // A full-rank product table: every (class, cluster) cell has the same count.
        var reference = new List<int>();
        var candidate = new List<int>();
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                for (var copy = 0; copy < 5; copy++)
                {
                    reference.Add(r);
                    candidate.Add(c);
                }
            }
        }

        var table = ContingencyTable.FromLabels(reference.ToArray(), candidate.ToArray());
        Assert.Equal(0.0, table.MutualInformation());
        Assert.Equal(0.0, table.NormalizedMutualInformation());
        Assert.True(table.AdjustedMutualInformation() < 0);
    }

    private static double[] Snapshot(ContingencyTable table) =>
    [
        .. Enum.GetValues<AverageMethod>().Select(table.NormalizedMutualInformation),
        .. Enum.GetValues<AverageMethod>().Select(table.AdjustedMutualInformation),
        table.MutualInformation(),
        table.ExpectedMutualInformation(),
        table.AdjustedRandIndex(),
        table.RandIndex(),
        table.Homogeneity(),
        table.Completeness(),
        table.VMeasure(0.5),
        table.FowlkesMallows(),
        table.ReferenceEntropy,
        table.CandidateEntropy,
    ];

    private static int[] RandomBijection(Random random, int size)
    {
        var values = new HashSet<int>();
        while (values.Count < size)
        {
            values.Add(random.Next(2) == 0 ? random.Next(int.MinValue, -1) : random.Next(1, int.MaxValue));
        }

        return [.. values];
    }

    private static void InRange(double value, double low, double high)
    {
        Assert.False(double.IsNaN(value));
        Assert.InRange(value, low - Tolerance, high + Tolerance);
    }
}
