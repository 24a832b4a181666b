using System.Globalization;
using NJsonSchema;
using NmiGate.Core.Configuration;
using NmiGate.Core.Diff;
using NmiGate.Core.Gating;
using NmiGate.Core.Registry;
using NmiGate.Core.Reporting;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Reporting;

/// <summary>The report of a real check: the committed 60-row KMeans model against a perturbed registered reference.</summary>
public sealed class RealCheckReportTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(RepositoryPaths.Root, "tests", "NmiGate.Core.Tests", "Fixtures", "models");
    private readonly TempWorkspace workspace = new("report-check");

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task A_real_check_renders_a_schema_valid_json_and_a_markdown_whose_numbers_match_the_result()
    {
        var options = Options(string.Empty);
        Registration.Run(options, new RegistrationRequest("test", LabelsPath: PerturbedLabels(every: 4)));

        var result = GateCheck.Run(options);
        var report = GateReport.From(result, ContingencyDiff.Compute(result.Table), new ReportInputs { Provenance = new ReportProvenance("test") });

        var markdown = MarkdownReportRenderer.Render(report);
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.StartsWith("<!-- nmigate:segments -->\n### ❌ FAIL · gate segments · nmi (arithmetic) **" + result.Rules[0].Value.ToString("0.0000", CultureInfo.InvariantCulture) + "** < fail-below 0.9500", markdown, StringComparison.Ordinal);
        Assert.Contains($"60 rows: **{report.Diff.KeptRows} kept together**", markdown, StringComparison.Ordinal);
        Assert.True(report.Diff.MovedRows > 0);
        Assert.Contains("(nmigate.yml:", markdown, StringComparison.Ordinal);
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Root, "schemas", "report.schema.json"));
        Assert.Empty(schema.Validate(JsonReportRenderer.Render(report)));
    }

    [Fact]
    public void A_check_that_keeps_its_rows_reports_seeded_samples_of_ids_that_really_moved_and_the_configured_mermaid_chart()
    {
        var options = Options("report: { charts: mermaid }\nconfidence: { seed: 11, resamples: 100 }\n");
        Registration.Run(options, new RegistrationRequest("test", LabelsPath: PerturbedLabels(every: 4)));

        var kept = GateCheck.Run(options, new GateCheckOptions(KeepRows: true));
        var again = GateCheck.Run(options, new GateCheckOptions(KeepRows: true));
        var report = GateReport.From(kept, ContingencyDiff.Compute(kept.Table));

        Assert.NotNull(kept.Aligned);
        Assert.NotEmpty(report.MovedIds);
        var aligned = kept.Aligned!;
        var rowOf = aligned.Ids.Select((id, row) => (id, row)).ToDictionary(p => p.id, p => p.row, StringComparer.Ordinal);
        foreach (var sample in report.MovedIds)
        {
            var cluster = report.Diff.ReferenceClusters.Single(c => c.Label == sample.Label);
            Assert.Equal(cluster.MovedRows, sample.MovedRows);
            Assert.Equal(Math.Min(ReportInputs.DefaultMovedIdsPerCluster, cluster.MovedRows), sample.Ids.Count);
            Assert.All(sample.Ids, id =>
            {
                var row = rowOf[id];
                Assert.Equal(sample.Label, aligned.ReferenceLabels[row]);
                Assert.NotEqual(cluster.Match?.CandidateLabel, aligned.CandidateLabels[row]);
            });
        }

        // Seeded by confidence.seed: a re-run shows the same ids.
        var rerun = GateReport.From(again, ContingencyDiff.Compute(again.Table));
        Assert.Equal(report.MovedIds.SelectMany(s => s.Ids), rerun.MovedIds.SelectMany(s => s.Ids));
        Assert.DoesNotContain(report.NotComputed, n => n.StartsWith("moved-id samples", StringComparison.Ordinal));
        Assert.Equal(ReportCharts.Mermaid, report.Charts);
        var markdown = MarkdownReportRenderer.Render(report);
        Assert.Contains("```mermaid\nflowchart LR\n", markdown, StringComparison.Ordinal);
        Assert.Contains("Sample of moved ids", markdown, StringComparison.Ordinal);
        Assert.Contains(report.MovedIds[0].Ids[0], markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_asked_to_sample_moved_ids_keeps_no_rows_and_samples_ids_that_really_moved()
    {
        var options = Options("confidence: { seed: 11, resamples: 100 }\n");
        Registration.Run(options, new RegistrationRequest("test", LabelsPath: PerturbedLabels(every: 4)));

        var sampled = GateCheck.Run(options, new GateCheckOptions(SampleMovedIds: true));
        var again = GateCheck.Run(options, new GateCheckOptions(SampleMovedIds: true));
        var kept = GateCheck.Run(options, new GateCheckOptions(KeepRows: true)); // the rows, to check the sample against
        var diff = ContingencyDiff.Compute(sampled.Table);
        var report = GateReport.From(sampled, diff);

        // Drawn from the hash join: no row is kept, yet every cluster with moved rows has its sample.
        Assert.Null(sampled.Aligned);
        Assert.NotEmpty(report.MovedIds);
        Assert.Equal(diff.ReferenceClusters.Count(c => c.MovedRows > 0), report.MovedIds.Count);
        var aligned = kept.Aligned!;
        var rowOf = aligned.Ids.Select((id, row) => (id, row)).ToDictionary(p => p.id, p => p.row, StringComparer.Ordinal);
        foreach (var sample in report.MovedIds)
        {
            var cluster = report.Diff.ReferenceClusters.Single(c => c.Label == sample.Label);
            Assert.Equal(cluster.MovedRows, sample.MovedRows);
            Assert.Equal(Math.Min(ReportInputs.DefaultMovedIdsPerCluster, cluster.MovedRows), sample.Ids.Count);
            Assert.Equal(sample.Ids.Count, sample.Ids.Distinct(StringComparer.Ordinal).Count());
            Assert.All(sample.Ids, id =>
            {
                var row = rowOf[id];
                Assert.Equal(sample.Label, aligned.ReferenceLabels[row]);
                Assert.NotEqual(cluster.Match?.CandidateLabel, aligned.CandidateLabels[row]);
            });
        }

        // Seeded by confidence.seed: a re-run shows the same ids.
        Assert.Equal(report.MovedIds.SelectMany(s => s.Ids), GateReport.From(again, ContingencyDiff.Compute(again.Table)).MovedIds.SelectMany(s => s.Ids));
        Assert.DoesNotContain(report.NotComputed, n => n.StartsWith("moved-id samples", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plain_check_keeps_no_rows_so_its_report_says_moved_ids_were_not_sampled_and_has_no_chart_by_default()
    {
        var options = Options(string.Empty);
        Registration.Run(options, new RegistrationRequest("test", LabelsPath: PerturbedLabels(every: 4)));

        var result = GateCheck.Run(options);
        var report = GateReport.From(result, ContingencyDiff.Compute(result.Table));
        var overridden = GateReport.From(result, ContingencyDiff.Compute(result.Table), new ReportInputs { Charts = ReportCharts.Mermaid });

        Assert.Null(result.Aligned);
        Assert.Empty(report.MovedIds);
        Assert.Contains("moved-id samples (the aligned rows were not kept)", report.NotComputed);
        Assert.Equal(ReportCharts.None, report.Charts);
        Assert.DoesNotContain("```mermaid", MarkdownReportRenderer.Render(report), StringComparison.Ordinal);
        Assert.Equal(ReportCharts.Mermaid, overridden.Charts);
    }

    private GateOptions Options(string extra) => GateConfiguration.Load(workspace.WriteText("nmigate.yml", $"""
        version: 1
        name: segments
        model:
          path: {Path.Combine(Fixtures, "kmeans-3.zip")}
        data:
          path: {Path.Combine(Fixtures, "kmeans-3.csv")}
          id-column: id
        thresholds:
          nmi: {"{"} fail-below: 0.95 {"}"}

        """ + extra));

    private string PerturbedLabels(int every)
    {
        var lines = File.ReadAllLines(Path.Combine(Fixtures, "kmeans-3.partition.csv"));
        for (var i = 1; i < lines.Length; i += every)
        {
            var parts = lines[i].Split(',');
            lines[i] = string.Create(CultureInfo.InvariantCulture, $"{parts[0]},{(int.Parse(parts[1], CultureInfo.InvariantCulture) % 3) + 1}");
        }

        return workspace.WriteText("labels.csv", string.Join('\n', lines) + "\n");
    }
}
