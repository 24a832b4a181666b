using CustomerSegmentation.Trainer;
using NmiGate.Core.Configuration;
using NmiGate.Core.Diff;
using NmiGate.Core.Gating;
using NmiGate.TestUtilities;

namespace NmiGate.Examples.Tests;

/// <summary>The example's README promises: a benign retrain passes, the pipeline bug fails, K = 7 warns with a split.</summary>
public sealed class ScenarioTests(ExampleWorkspace example) : IClassFixture<ExampleWorkspace>
{
    [Fact]
    public void The_committed_held_out_set_is_what_the_generator_writes()
    {
        using var workspace = new TempWorkspace();
        var path = workspace.PathOf("holdout.csv");

        CustomerGenerator.Write(path, CustomerGenerator.HoldoutRows, CustomerGenerator.HoldoutSeed, idPrefix: "C");

        Assert.Equal(File.ReadAllBytes(Path.Combine(ExampleWorkspace.Source, "data", "holdout.csv")), File.ReadAllBytes(path));
    }

    [Fact]
    public void The_reference_scenario_reproduces_the_registered_partition()
    {
        var result = example.Check("reference");

        Assert.Equal(5000, result.RowCount);
        Assert.Equal(1.0, result.Metrics.NmiArithmetic, 12);
        Assert.Equal(Verdict.Pass, result.Verdict);
    }

    [Fact]
    public void A_benign_retrain_passes_with_almost_every_customer_kept()
    {
        var result = example.Check("benign");

        Assert.Equal(Verdict.Pass, result.Verdict);
        Assert.InRange(result.Metrics.NmiArithmetic, 0.99, 1.0);
        var diff = ContingencyDiff.Compute(result.Table);
        Assert.All(diff.ReferenceClusters, c => Assert.Equal(ChangeKind.Stable, c.Kind));
    }

    [Fact]
    public void The_income_pipeline_bug_fails_every_rule()
    {
        var result = example.Check("pipeline-bug");

        Assert.Equal(Verdict.Fail, result.Verdict);
        Assert.All(result.Rules, r => Assert.Equal(Verdict.Fail, r.Verdict));
        Assert.True(result.Metrics.NmiArithmetic < 0.8, $"NMI {result.Metrics.NmiArithmetic}");
        Assert.Contains(result.Findings, f => f.Code == NmiGate.Core.Diagnostics.DiagnosticCode.ThresholdFailed && f.Severity == FindingSeverity.Error);
    }

    [Fact]
    public void Seven_clusters_warn_and_the_diff_shows_one_segment_split()
    {
        var result = example.Check("different-k");

        Assert.Equal(Verdict.Warn, result.Verdict);
        Assert.Equal(7, result.Metrics.CandidateClusters);
        var diff = ContingencyDiff.Compute(result.Table);
        var split = Assert.Single(diff.ReferenceClusters, c => c.Kind == ChangeKind.Split);
        Assert.Equal(2, split.SplitInto.Count);
        Assert.Single(diff.NewClusters);
        Assert.Equal(diff.RowCount, diff.KeptRows + diff.MovedRows);
    }

    [Fact]
    public void The_committed_model_is_the_benign_retrain()
    {
        var current = GateCheck.Run(GateConfiguration.Load(example.ConfigPath));
        var benign = example.Check("benign");

        Assert.Equal(benign.Metrics.NmiArithmetic, current.Metrics.NmiArithmetic);
        Assert.Equal(benign.Metrics.AdjustedRandIndex, current.Metrics.AdjustedRandIndex);
    }
}
