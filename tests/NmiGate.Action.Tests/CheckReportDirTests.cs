using System.Text.Json;
using NJsonSchema;
using NmiGate.Action.Tests.Support;
using NmiGate.TestUtilities;

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

    [Fact]
    public async Task Report_json_is_the_schema_valid_report_document_with_moved_id_samples_that_report_md_shows_too()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath, "  nmi: { fail-below: 0.95 }\n");
        Assert.Equal(0, gate.Run("register").ExitCode);
        var folder = Path.Combine(gate.Root, "out", "report");

        var run = gate.Run("check", "--model", models.SixClusters, "--report-dir", folder);

        Assert.True(run.ExitCode == 1, run.Stdout + run.Stderr);
        var text = File.ReadAllText(Path.Combine(folder, "report.json"));
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Root, "schemas", "report.schema.json"));
        var errors = schema.Validate(text);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal((1, "segments", "v1"), (root.GetProperty("schemaVersion").GetInt32(), root.GetProperty("gate").GetString(), root.GetProperty("referenceVersion").GetString()));
        var samples = root.GetProperty("diff").GetProperty("movedIds").EnumerateArray().ToList();
        Assert.NotEmpty(samples);
        Assert.DoesNotContain(root.GetProperty("notComputed").EnumerateArray(), n => n.GetString()!.StartsWith("moved-id samples", StringComparison.Ordinal));
        var markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
        Assert.Contains("Sample of moved ids", markdown, StringComparison.Ordinal);
        Assert.Contains(samples[0].GetProperty("ids")[0].GetString()!, markdown, StringComparison.Ordinal);
        // The Markdown names no chart unless report.charts asks for one.
        Assert.DoesNotContain("```mermaid", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_format_json_keeps_its_own_document_while_report_json_is_the_report_document()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath, "  nmi: { fail-below: 0.95 }\n");
        Assert.Equal(0, gate.Run("register").ExitCode);
        var folder = Path.Combine(gate.Root, "out", "report");

        var run = gate.Run("check", "--model", models.SixClusters, "--format", "json", "--report-dir", folder);

        Assert.True(run.ExitCode == 1, run.Stdout + run.Stderr);
        using var stdout = JsonDocument.Parse(run.Stdout);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json")));
        Assert.False(stdout.RootElement.TryGetProperty("schemaVersion", out _));
        Assert.True(report.RootElement.TryGetProperty("schemaVersion", out _));
    }

    [Fact]
    public void Report_charts_mermaid_in_nmigate_yml_puts_the_flow_chart_in_report_md()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath, "  nmi: { fail-below: 0.95 }\n", extra: "report: { charts: mermaid }\n");
        Assert.Equal(0, gate.Run("register").ExitCode);
        var folder = Path.Combine(gate.Root, "out", "report");

        var run = gate.Run("check", "--model", models.SixClusters, "--report-dir", folder);

        Assert.True(run.ExitCode == 1, run.Stdout + run.Stderr);
        Assert.Contains("```mermaid\nflowchart LR\n", File.ReadAllText(Path.Combine(folder, "report.md")), StringComparison.Ordinal);
    }
}
