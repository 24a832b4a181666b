using System.Text.Json;
using NmiGate.Action.Tests.Support;

namespace NmiGate.Action.Tests;

/// <summary><c>nmigate check --report-dir</c> on real seeded KMeans models and a real registry.</summary>
[Collection(TrainedModelsGroup.Name)]
public sealed class CheckReportDirTests(TrainedModels models)
{
    [Fact]
    public void Check_with_report_dir_writes_the_markdown_report_and_json_of_the_same_verdict()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath, "  nmi: { fail-below: 0.95 }\n");
        Assert.Equal(0, gate.Run("register").ExitCode);
        var folder = Path.Combine(gate.Root, "out", "report");

        var run = gate.Run("check", "--model", models.SixClusters, "--report-dir", folder);

        Assert.True(run.ExitCode == 1, run.Stdout + run.Stderr);
        var markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
        Assert.StartsWith("<!-- nmigate:segments -->\n### ❌ FAIL · gate segments · nmi (arithmetic) **0.", markdown, StringComparison.Ordinal);
        Assert.Contains("< fail-below 0.9500 · reference v1", markdown, StringComparison.Ordinal);
        Assert.Contains("3 reference clusters → 6 candidate clusters", markdown, StringComparison.Ordinal);
        Assert.Contains("#### What moved", markdown, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json")));
        Assert.Equal("fail", json.RootElement.GetProperty("verdict").GetString());
    }
}
