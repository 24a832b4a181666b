using System.Text.RegularExpressions;
using NmiGate.Core.Diff;
using NmiGate.Core.Gating;
using NmiGate.Core.Reporting;

namespace NmiGate.Core.Tests.Reporting;

public sealed partial class MarkdownReportRendererTests
{
    [Fact]
    public void Verdict_line_comes_first_with_gate_decisive_number_threshold_and_reference()
    {
        var report = ReportCases.Build("one-split");

        var lines = MarkdownReportRenderer.Render(report).Split('\n');

        Assert.Equal("<!-- nmigate:one-split -->", lines[0]);
        Assert.StartsWith("### ", lines[1], StringComparison.Ordinal);
        var decisive = Assert.IsType<ReportMetric>(report.Decisive);
        Assert.Contains(GateResult.VerdictWord(report.Verdict), lines[1], StringComparison.Ordinal);
        Assert.Contains($"**{decisive.Value:0.0000}**", lines[1], StringComparison.Ordinal);
        Assert.Contains($"{decisive.DecisiveThresholdName} {decisive.DecisiveThreshold:0.0000}", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("reference v3", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Provenance_is_last_and_the_matrix_is_folded_in_details()
    {
        var markdown = MarkdownReportRenderer.Render(ReportCases.Build("two-merged"));

        Assert.StartsWith("<sub>Provenance: NmiGate 0.1.0-test", markdown.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
        var matrix = markdown.IndexOf("<details><summary>Contingency matrix (4 × 3", StringComparison.Ordinal);
        Assert.True(matrix > 0, markdown);
        Assert.True(markdown.IndexOf("</details>", matrix, StringComparison.Ordinal) > matrix);
    }

    [Fact]
    public void Diff_table_rows_carry_the_diff_numbers_and_totals_add_up()
    {
        var report = ReportCases.Build("two-merged");

        var markdown = MarkdownReportRenderer.Render(report);

        Assert.Contains($"**{report.Diff.KeptRows:N0} kept together**", markdown, StringComparison.Ordinal);
        Assert.Contains($"**{report.Diff.MovedRows:N0} moved**", markdown, StringComparison.Ordinal);
        Assert.Equal(report.RowCount, report.Diff.KeptRows + report.Diff.MovedRows);
        var merged = report.Diff.ReferenceClusters.Where(c => c.Kind == ChangeKind.MergedInto).ToList();
        Assert.NotEmpty(merged);
        foreach (var change in merged)
        {
            Assert.Contains($"| {change.Label} | {change.Size:N0} |", markdown, StringComparison.Ordinal);
            Assert.Contains($"**merged** into {change.MergedInto!.Label}", markdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Huge_k_stays_under_the_github_limit_by_dropping_whole_sections_and_says_what_was_left_out()
    {
        var report = ReportCases.Build("huge-k", ReportCharts.Mermaid);

        var markdown = MarkdownReportRenderer.Render(report);

        Assert.InRange(markdown.Length, 10_000, MarkdownReportRenderer.GitHubCommentLimit);
        Assert.Contains("Left out to stay under 65,536 characters: ", markdown, StringComparison.Ordinal);
        Assert.Contains("the contingency matrix (1,000 × 1,000)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Contingency matrix (", markdown, StringComparison.Ordinal);
        AssertWellFormed(markdown);
    }

    [Theory]
    [InlineData(8_000)]
    [InlineData(12_000)]
    [InlineData(30_000)]
    public void Any_budget_is_met_without_cutting_a_table_fence_or_details(int limit)
    {
        var markdown = MarkdownReportRenderer.Render(ReportCases.Build("huge-k", ReportCharts.Mermaid), limit);

        Assert.True(markdown.Length <= limit, $"{markdown.Length} > {limit}");
        AssertWellFormed(markdown);
        Assert.Contains("<sub>Provenance:", markdown, StringComparison.Ordinal);
        Assert.Contains("#### Metrics", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_report_leaves_nothing_out()
    {
        var markdown = MarkdownReportRenderer.Render(ReportCases.Build("stable"));

        Assert.DoesNotContain("Left out", markdown, StringComparison.Ordinal);
        AssertWellFormed(markdown);
    }

    [Fact]
    public void Mermaid_flow_has_a_table_with_the_same_numbers()
    {
        var report = ReportCases.Build("one-split", ReportCharts.Mermaid);

        var markdown = MarkdownReportRenderer.Render(report);

        var fence = MermaidBlock().Match(markdown);
        Assert.True(fence.Success, markdown);
        var split = report.Diff.ReferenceClusters.Single(c => c.Kind == ChangeKind.Split);
        foreach (var flow in split.SplitInto)
        {
            var edgeLabel = $"{flow.Rows:N0} ({flow.Share * 100:0.0}%)";
            Assert.Contains(edgeLabel, fence.Value, StringComparison.Ordinal);
            Assert.Contains($"| {split.Label} | {flow.Label} | {flow.Rows:N0} | {flow.Share * 100:0.0}% |", markdown, StringComparison.Ordinal);
        }

        AssertWellFormed(markdown);
    }

    [Fact]
    public void Untrusted_labels_cannot_inject_markup_mentions_or_break_tables_and_fences()
    {
        const string Evil = "<img src=x onerror=alert(1)>|@octocat **bold** [x](https://evil.example) `a` ```\nline#12 $x$";
        var report = ReportCases.FromCells("gate", ReportCharts.Mermaid, (Evil, "x", 60), (Evil, "y", 40), ("B", Evil, 100));

        var markdown = MarkdownReportRenderer.Render(report);

        Assert.DoesNotContain("<img", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("@octocat", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("](https", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("**bold**", markdown, StringComparison.Ordinal);
        Assert.Equal(2, markdown.Split("```").Length - 1); // the Mermaid fence only
        AssertWellFormed(markdown);
    }

    [Fact]
    public void Slices_coded_findings_and_deltas_render_when_the_result_carries_them()
    {
        var report = WithSlicesAndCodes(ReportCases.Build("stable"));

        var markdown = MarkdownReportRenderer.Render(report);

        Assert.Contains("| region=north | 900 | nmi (arithmetic) | 0.9100 | 0.8800 – 0.9300 | PASS |", markdown, StringComparison.Ordinal);
        Assert.Contains("| region=south | 12 | – | – | – | too small |", markdown, StringComparison.Ordinal);
        Assert.Contains("- ⚠️ **NMIG2101** slice region=south has 12 rows, under min-rows 50. (nmigate.yml:14)", markdown, StringComparison.Ordinal);
        Assert.Contains("| +0.0123 |", markdown, StringComparison.Ordinal);
        AssertWellFormed(markdown);
    }

    [Fact]
    public void A_max_drop_against_history_shows_the_delta_the_limit_and_its_coded_failure()
    {
        var report = ReportCases.OneSplitAfter(previousNmi: 0.95);

        var markdown = MarkdownReportRenderer.Render(report);

        var nmi = report.Metrics.First(m => m.Key == "nmi_arithmetic");
        var drop = report.Metrics.Single(m => m.Name.Contains("max-drop", StringComparison.Ordinal));
        Assert.Equal(nmi.Value - 0.95, drop.Delta!.Value, 12);
        Assert.Equal(0.90, drop.FailBelow!.Value, 12);
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Contains($"| nmi (arithmetic) max-drop 0.0500 | {nmi.Value:0.0000} |", markdown, StringComparison.Ordinal);
        Assert.Contains($"| {drop.Delta.Value:+0.0000;-0.0000} | FAIL |", markdown, StringComparison.Ordinal);
        Assert.Contains(report.Findings, f => f.Code is { } code && code.StartsWith("NMIG2", StringComparison.Ordinal) && f.Severity == FindingSeverity.Error);
        Assert.DoesNotContain("deltas vs the last recorded result", markdown, StringComparison.Ordinal);
        AssertWellFormed(markdown);
    }

    /// <summary>The report with what the extended GateResult will carry: a slice, a too-small slice, a coded finding, a delta.</summary>
    internal static GateReport WithSlicesAndCodes(GateReport report) => report with
    {
        Metrics = [.. report.Metrics.Select((m, i) => i == 0 ? m with { Delta = 0.0123 } : m)],
        Findings = [new ReportFinding("NMIG2101", FindingSeverity.Warning, "slice region=south has 12 rows, under min-rows 50.", "nmigate.yml", 14)],
        Slices =
        [
            new ReportSlice("region=north", 900, [new ReportMetric("nmi_arithmetic", "nmi (arithmetic)", 0.91, new ReportInterval(0.88, 0.93, 0.95, 1000), 0.8, null, null, Verdict.Pass)], TooSmall: false),
            new ReportSlice("region=south", 12, [], TooSmall: true),
        ],
    };

    [Fact]
    public void The_marker_cannot_close_its_html_comment_early()
    {
        Assert.Equal("<!-- nmigate:a-b -->", MarkdownReportRenderer.Marker("a--->b"));
    }

    /// <summary>Every table has the same number of cells per row as its header; fences and details are balanced.</summary>
    private static void AssertWellFormed(string markdown)
    {
        var lines = markdown.Split('\n');
        int? columns = null;
        var inFence = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            if (line.StartsWith('|'))
            {
                Assert.EndsWith("|", line, StringComparison.Ordinal);
                var cells = line.Count(c => c == '|') - 1;
                columns ??= cells;
                Assert.True(columns == cells, $"A table row has {cells} cells, its header {columns}: {line}");
            }
            else
            {
                columns = null;
            }
        }

        Assert.False(inFence, "A code fence is not closed.");
        Assert.Equal(Regex.Count(markdown, "<details>"), Regex.Count(markdown, "</details>"));
    }

    [GeneratedRegex("```mermaid\\n.*?```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();
}
