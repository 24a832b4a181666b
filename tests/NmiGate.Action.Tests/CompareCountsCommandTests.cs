using System.Text.Json;
using NmiGate.Action.Tests.Support;
using NmiGate.Core.Metrics;
using NmiGate.Core.Partitions;
using NmiGate.TestUtilities;

namespace NmiGate.Action.Tests;

public sealed class CompareCountsCommandTests
{
    private static string ReferenceExample => Path.Combine(RepositoryPaths.Root, "examples", "partitions", "reference.csv");

    private static string CandidateExample => Path.Combine(RepositoryPaths.Root, "examples", "partitions", "candidate.csv");

    [Fact]
    public void Counts_split_in_shards_give_the_same_metrics_as_compare_on_the_rows()
    {
        using var workspace = new TempWorkspace();
        var table = PartitionComparison.Compare(ReferenceExample, CandidateExample).Table;
        var cells = Enumerable.Range(0, table.CellCount).Select(table.GetCell).ToArray();
        string Row(ContingencyEntry c) => $"{table.ReferenceLabels[c.Reference]},{table.CandidateLabels[c.Candidate]},{c.Count}";
        var first = workspace.WriteText("part-1.csv", "reference,candidate,count\n" + string.Join('\n', cells.Take(cells.Length / 2).Select(Row)) + "\n");
        var second = workspace.WriteText("part-2.csv", "reference,candidate,count\n" + string.Join('\n', cells.Skip(cells.Length / 2).Select(Row)) + "\n");

        var fromCounts = NmigateRun.Of("compare-counts", first, second, "--format", "json");
        var fromRows = NmigateRun.Of("compare", ReferenceExample, CandidateExample, "--format", "json");

        Assert.Equal(0, fromCounts.ExitCode);
        Assert.Equal(JsonDocument.Parse(fromRows.Stdout).RootElement.ToString(), JsonDocument.Parse(fromCounts.Stdout).RootElement.ToString());
    }

    [Fact]
    public void Text_output_names_every_counts_file()
    {
        using var workspace = new TempWorkspace();
        var path = workspace.WriteText("counts.csv", "reference,candidate,count\na,x,3\nb,y,4\n");

        var run = NmigateRun.Of("compare-counts", path);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("7 rows compared: 2 reference clusters, 2 candidate clusters", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"  counts     {path}", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.5", 0)]
    [InlineData("0.99", 1)]
    public void Fail_below_gates_on_nmi(string threshold, int exitCode)
    {
        using var workspace = new TempWorkspace();
        var path = workspace.WriteText("counts.csv", "reference,candidate,count\na,x,40\na,y,2\nb,y,40\nb,x,1\n");
        var nmi = CountsFile.Read([path]).NormalizedMutualInformation();
        Assert.InRange(nmi, 0.5, 0.99);

        var run = NmigateRun.Of("compare-counts", path, "--fail-below", threshold);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains(exitCode == 0 ? "PASS" : "FAIL", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_threshold_outside_0_1_is_refused()
    {
        using var workspace = new TempWorkspace();
        var path = workspace.WriteText("counts.csv", "reference,candidate,count\na,x,3\n");

        var run = NmigateRun.Of("compare-counts", path, "--fail-below", "1.5");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--fail-below must lie in [0, 1]", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_count_exits_2_with_file_and_line()
    {
        using var workspace = new TempWorkspace();
        var path = workspace.WriteText("counts.csv", "reference,candidate,count\na,x,3\nb,y,many\n");

        var run = NmigateRun.Of("compare-counts", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{path}:3:", run.Stderr, StringComparison.Ordinal);
    }
}
