using NmiGate.Core.Metrics;

namespace NmiGate.Core.Tests.Metrics;

public sealed class MetricSetTests
{
    private static readonly ContingencyTable Table = ContingencyTable.FromLabels<string>(
        ["a", "a", "a", "b", "b", "b", "c", "c", "c", "c"],
        ["1", "1", "2", "2", "2", "2", "3", "3", "4", "1"]);

    [Fact]
    public void Every_value_equals_the_contingency_table_metric()
    {
        var set = MetricSet.From(Table);

        Assert.Equal(10, set.Rows);
        Assert.Equal(3, set.ReferenceClusters);
        Assert.Equal(4, set.CandidateClusters);
        foreach (var average in Enum.GetValues<AverageMethod>())
        {
            Assert.Equal(Table.NormalizedMutualInformation(average), set.Nmi(average));
            Assert.Equal(Table.AdjustedMutualInformation(average), set.Ami(average), 1e-15);
        }

        Assert.Equal(Table.MutualInformation(), set.MutualInformation);
        Assert.Equal(Table.ExpectedMutualInformation(), set.ExpectedMutualInformation);
        Assert.Equal(Table.AdjustedRandIndex(), set.AdjustedRandIndex);
        Assert.Equal(Table.RandIndex(), set.RandIndex);
        Assert.Equal(Table.Homogeneity(), set.Homogeneity);
        Assert.Equal(Table.Completeness(), set.Completeness);
        Assert.Equal(Table.VMeasure(), set.VMeasure);
        Assert.Equal(Table.FowlkesMallows(), set.FowlkesMallows);
        Assert.Equal(Table.ReferenceEntropy, set.ReferenceEntropy);
        Assert.Equal(Table.CandidateEntropy, set.CandidateEntropy);
    }

    [Fact]
    public void Entries_have_the_documented_keys_in_order()
    {
        string[] keys =
        [
            "nmi_min", "nmi_geometric", "nmi_arithmetic", "nmi_max", "ami_min", "ami_geometric", "ami_arithmetic", "ami_max",
            "mutual_info", "expected_mutual_info", "ari", "rand", "homogeneity", "completeness", "v_measure", "fmi",
            "entropy_reference", "entropy_candidate",
        ];

        Assert.Equal(keys, MetricSet.From(Table).Entries().Select(e => e.Key));
    }

    [Fact]
    public void Entries_for_a_headline_average_start_with_its_nmi_and_ami_and_keep_every_metric()
    {
        var set = MetricSet.From(Table);

        var entries = set.EntriesFor(AverageMethod.Max);

        Assert.Equal(["nmi_max", "ami_max", "ari"], entries.Take(3).Select(e => e.Key));
        Assert.Equal("NMI (max)", entries[0].Name);
        Assert.Equal(set.NmiMax, entries[0].Value);
        Assert.Equal(set.Entries().Select(e => e.Key).Order(StringComparer.Ordinal), entries.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Empty_table_is_rejected()
    {
        var empty = ContingencyTable.FromLabels<string>([], []);

        Assert.Throws<ArgumentException>(() => MetricSet.From(empty));
    }
}
