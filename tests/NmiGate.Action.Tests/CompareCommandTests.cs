using System.Text.Json;
using NmiGate.Action.Tests.Support;
using NmiGate.Core.Metrics;
using NmiGate.TestUtilities;

namespace NmiGate.Action.Tests;

public sealed class CompareCommandTests
{
    private static readonly string[] MetricKeys =
    [
        "nmi_min", "nmi_geometric", "nmi_arithmetic", "nmi_max", "ami_min", "ami_geometric", "ami_arithmetic", "ami_max",
        "mutual_info", "expected_mutual_info", "ari", "rand", "homogeneity", "completeness", "v_measure", "fmi",
        "entropy_reference", "entropy_candidate",
    ];

    private static string ReferenceExample => Path.Combine(RepositoryPaths.Root, "examples", "partitions", "reference.csv");

    private static string CandidateExample => Path.Combine(RepositoryPaths.Root, "examples", "partitions", "candidate.csv");

    [Fact]
    public void Compare_on_the_examples_exits_0_and_prints_every_metric_as_a_table()
    {
        var run = NmigateRun.Of("compare", ReferenceExample, CandidateExample);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        var lines = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("300 rows compared: 5 reference clusters, 6 candidate clusters", lines[0]);
        string[] names =
        [
            "NMI (arithmetic)", "AMI (arithmetic)", "ARI", "Rand index", "Homogeneity", "Completeness", "V-measure",
            "Fowlkes-Mallows", "Mutual information", "Expected MI", "H(reference)", "H(candidate)",
            "NMI (min)", "NMI (geometric)", "NMI (max)", "AMI (min)", "AMI (geometric)", "AMI (max)",
        ];
        var metricRows = lines.SkipWhile(l => !l.StartsWith("Metric ", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.Length > 0).ToArray();
        Assert.Equal(names, metricRows.Select(row => row[..row.IndexOf("  ", StringComparison.Ordinal)]));

        // The value column is aligned: every value ends at the same column.
        var valueEnds = metricRows.Select(row => row.IndexOf("  ", row.IndexOf('.'), StringComparison.Ordinal)).Distinct();
        Assert.Single(valueEnds);
        Assert.Contains(lines, l => l.StartsWith("Note: ML.NET's", StringComparison.Ordinal) && l.Contains("MI / H(reference)", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_output_shows_the_nmi_value_of_the_metrics_engine()
    {
        var table = ExampleTable();

        var run = NmigateRun.Of("compare", ReferenceExample, CandidateExample);

        var expected = table.NormalizedMutualInformation(AverageMethod.Arithmetic).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Matches($@"(?m)^NMI \(arithmetic\)\s+{expected.Replace(".", "\\.", StringComparison.Ordinal)}\s", run.Stdout);
    }

    [Fact]
    public void Average_option_puts_that_normalisation_first()
    {
        var run = NmigateRun.Of("compare", ReferenceExample, CandidateExample, "--average", "geometric");

        Assert.Equal(0, run.ExitCode);
        var metricRows = run.Stdout.Split('\n').SkipWhile(l => !l.StartsWith("Metric ", StringComparison.Ordinal)).Skip(2).ToArray();
        Assert.StartsWith("NMI (geometric) ", metricRows[0], StringComparison.Ordinal);
        Assert.StartsWith("AMI (geometric) ", metricRows[1], StringComparison.Ordinal);
        Assert.Contains("NMI (arithmetic)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_has_every_key_with_the_values_of_the_metrics_engine()
    {
        var table = ExampleTable();

        var run = NmigateRun.Of("compare", ReferenceExample, CandidateExample, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Stdout);
        var root = document.RootElement;
        Assert.Equal(300, root.GetProperty("rows").GetInt64());
        Assert.Equal(5, root.GetProperty("reference_clusters").GetInt32());
        Assert.Equal(6, root.GetProperty("candidate_clusters").GetInt32());
        var metrics = root.GetProperty("metrics");
        Assert.Equal(MetricKeys, metrics.EnumerateObject().Select(p => p.Name));

        // Exact equality: the JSON numbers must round-trip.
        Assert.Equal(table.NormalizedMutualInformation(AverageMethod.Min), metrics.GetProperty("nmi_min").GetDouble());
        Assert.Equal(table.NormalizedMutualInformation(AverageMethod.Geometric), metrics.GetProperty("nmi_geometric").GetDouble());
        Assert.Equal(table.NormalizedMutualInformation(AverageMethod.Arithmetic), metrics.GetProperty("nmi_arithmetic").GetDouble());
        Assert.Equal(table.NormalizedMutualInformation(AverageMethod.Max), metrics.GetProperty("nmi_max").GetDouble());
        Assert.Equal(table.AdjustedMutualInformation(AverageMethod.Min), metrics.GetProperty("ami_min").GetDouble());
        Assert.Equal(table.AdjustedMutualInformation(AverageMethod.Geometric), metrics.GetProperty("ami_geometric").GetDouble());
        Assert.Equal(table.AdjustedMutualInformation(AverageMethod.Arithmetic), metrics.GetProperty("ami_arithmetic").GetDouble());
        Assert.Equal(table.AdjustedMutualInformation(AverageMethod.Max), metrics.GetProperty("ami_max").GetDouble());
        Assert.Equal(table.MutualInformation(), metrics.GetProperty("mutual_info").GetDouble());
        Assert.Equal(table.ExpectedMutualInformation(), metrics.GetProperty("expected_mutual_info").GetDouble());
        Assert.Equal(table.AdjustedRandIndex(), metrics.GetProperty("ari").GetDouble());
        Assert.Equal(table.RandIndex(), metrics.GetProperty("rand").GetDouble());
        Assert.Equal(table.Homogeneity(), metrics.GetProperty("homogeneity").GetDouble());
        Assert.Equal(table.Completeness(), metrics.GetProperty("completeness").GetDouble());
        Assert.Equal(table.VMeasure(), metrics.GetProperty("v_measure").GetDouble());
        Assert.Equal(table.FowlkesMallows(), metrics.GetProperty("fmi").GetDouble());
        Assert.Equal(table.ReferenceEntropy, metrics.GetProperty("entropy_reference").GetDouble());
        Assert.Equal(table.CandidateEntropy, metrics.GetProperty("entropy_candidate").GetDouble());
    }

    [Fact]
    public void Cluster_labels_are_strings_compared_exactly()
    {
        using var temp = new TempWorkspace();
        var reference = temp.WriteText("r.csv", "id,cluster\nA,01\nB,1\nC,1\n");
        var candidate = temp.WriteText("c.csv", "id,cluster\nA,1\nB,1\nC,1\n");

        var run = NmigateRun.Of("compare", reference, candidate, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Stdout);
        Assert.Equal(2, document.RootElement.GetProperty("reference_clusters").GetInt32());
        Assert.Equal(1, document.RootElement.GetProperty("candidate_clusters").GetInt32());
    }

    [Fact]
    public void Column_options_select_other_column_names()
    {
        using var temp = new TempWorkspace();
        var reference = temp.WriteText("r.csv", "customer_id,segment\nA,x\nB,y\n");
        var candidate = temp.WriteText("c.csv", "segment,customer_id\n1,B\n2,A\n");

        var run = NmigateRun.Of("compare", reference, candidate, "--id-column", "customer_id", "--cluster-column", "segment");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("2 rows compared: 2 reference clusters, 2 candidate clusters", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_error_exits_2_not_the_gate_failed_code()
    {
        var run = NmigateRun.Of("compare", ReferenceExample, CandidateExample, "--format", "xml");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("nmigate: error: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("'xml'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("nmigate compare --help", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_id_and_cluster_column_is_a_usage_error()
    {
        var run = NmigateRun.Of("compare", ReferenceExample, CandidateExample, "--id-column", "id", "--cluster-column", "id");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("nmigate: error: ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void No_command_is_a_usage_error()
    {
        var run = NmigateRun.Of();

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("nmigate: error: ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_exits_0_and_lists_the_options()
    {
        var run = NmigateRun.Of("compare", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--format", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--average", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--id-column", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--cluster-column", run.Stdout, StringComparison.Ordinal);
    }

    /// <summary>
    /// The examples' contingency table, read here without NmiGate's reader: the id is the first
    /// field in both files, the cluster the last field of reference.csv (id,region,cluster) and the
    /// second of candidate.csv (id,cluster,region). Only region is ever quoted.
    /// </summary>
    private static ContingencyTable ExampleTable()
    {
        var reference = File.ReadLines(ReferenceExample).Skip(1).ToDictionary(l => l[..l.IndexOf(',', StringComparison.Ordinal)], l => l[(l.LastIndexOf(',') + 1)..], StringComparer.Ordinal);
        var candidate = File.ReadLines(CandidateExample).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        Assert.Equal(300, reference.Count);
        Assert.Equal(reference.Keys.Order(StringComparer.Ordinal), candidate.Keys.Order(StringComparer.Ordinal));
        var ids = reference.Keys.ToArray();
        return ContingencyTable.FromLabels<string>(ids.Select(id => reference[id]).ToArray(), ids.Select(id => candidate[id]).ToArray());
    }
}
