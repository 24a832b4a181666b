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
        var config = workspace.WriteText("nmigate.yml", $"""
            version: 1
            name: segments
            model:
              path: {Path.Combine(Fixtures, "kmeans-3.zip")}
            data:
              path: {Path.Combine(Fixtures, "kmeans-3.csv")}
              id-column: id
            thresholds:
              nmi: {"{"} fail-below: 0.95 {"}"}

            """);
        var options = GateConfiguration.Load(config);
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
