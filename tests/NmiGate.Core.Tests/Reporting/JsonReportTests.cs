using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NmiGate.Core.Reporting;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Reporting;

/// <summary>report.json against <c>schemas/report.schema.json</c>, validated with NJsonSchema.</summary>
public sealed class JsonReportTests
{
    private static readonly string SchemaPath = Path.Combine(RepositoryPaths.Root, "schemas", "report.schema.json");
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(File.ReadAllText(SchemaPath)).GetAwaiter().GetResult());

    public static TheoryData<string> Cases => [.. ReportCases.Names];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Report_json_is_valid_against_the_schema(string name)
    {
        var json = JsonReportRenderer.Render(ReportCases.Build(name));

        var errors = Schema.Value.Validate(json);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));
    }

    [Fact]
    public void Slices_coded_findings_and_deltas_are_valid_against_the_schema()
    {
        var json = JsonReportRenderer.Render(MarkdownReportRendererTests.WithSlicesAndCodes(ReportCases.Build("one-split")));

        var errors = Schema.Value.Validate(json);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));
        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.GetProperty("slices")[1].GetProperty("tooSmall").GetBoolean());
        Assert.Equal("NMIG2101", document.RootElement.GetProperty("findings")[0].GetProperty("code").GetString());
        Assert.Equal(0.0123, document.RootElement.GetProperty("metrics")[0].GetProperty("delta").GetDouble());
    }

    [Fact]
    public void A_max_drop_against_history_is_valid_against_the_schema_with_its_delta()
    {
        var json = JsonReportRenderer.Render(ReportCases.OneSplitAfter(previousNmi: 0.95));

        var errors = Schema.Value.Validate(json);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));
        using var document = JsonDocument.Parse(json);
        Assert.Contains(document.RootElement.GetProperty("metrics").EnumerateArray(), m => m.GetProperty("delta").ValueKind == JsonValueKind.Number);
        Assert.Contains(document.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public void The_schema_rejects_a_document_that_breaks_it()
    {
        var document = JsonNode.Parse(JsonReportRenderer.Render(ReportCases.Build("one-split")))!.AsObject();
        document["verdict"] = "maybe";
        document["diff"]!["clusters"]![0]!["kind"] = "exploded";
        document.Remove("provenance");

        // Nested errors (an array item's) print with their children.
        var errors = string.Join("\n", Schema.Value.Validate(document.ToJsonString()).Select(e => e.ToString()));

        Assert.Contains("NotInEnumeration: #/verdict", errors, StringComparison.Ordinal);
        Assert.Contains("NotInEnumeration: #/diff.clusters[0].kind", errors, StringComparison.Ordinal);
        Assert.Contains("PropertyRequired: #/provenance", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_json_carries_verdict_metrics_with_intervals_findings_diff_totals_and_the_matrix()
    {
        var report = ReportCases.Build("two-merged");

        using var json = JsonDocument.Parse(JsonReportRenderer.Render(report));

        var root = json.RootElement;
        Assert.Equal(JsonReportRenderer.SchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(GateReport.VerdictKey(report.Verdict), root.GetProperty("verdict").GetString());
        var nmi = root.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "nmi_arithmetic");
        Assert.Equal(report.Metrics.Single(m => m.Key == "nmi_arithmetic").Value, nmi.GetProperty("value").GetDouble());
        Assert.True(nmi.GetProperty("interval").GetProperty("lower").GetDouble() <= nmi.GetProperty("interval").GetProperty("upper").GetDouble());
        Assert.Equal(report.Findings.Count, root.GetProperty("findings").GetArrayLength());
        var diff = root.GetProperty("diff");
        Assert.Equal(report.RowCount, diff.GetProperty("keptRows").GetInt64() + diff.GetProperty("movedRows").GetInt64());
        Assert.Contains(diff.GetProperty("clusters").EnumerateArray(), c => c.GetProperty("kind").GetString() == "merged-into");
        var matrix = diff.GetProperty("matrix");
        Assert.Equal(report.RowCount, matrix.GetProperty("cellCounts").EnumerateArray().Sum(c => c.GetInt64()));
        Assert.Equal(report.Table.CellCount, matrix.GetProperty("cellReferences").GetArrayLength());
        Assert.Equal(report.Table.CellCount, matrix.GetProperty("cellCandidates").GetArrayLength());
        Assert.Equal("c".PadRight(64, 'c'), root.GetProperty("provenance").GetProperty("referenceSha256").GetString());
    }

    [Fact]
    public void A_metric_that_could_not_be_computed_is_null_not_NaN()
    {
        var report = ReportCases.Build("stable");
        var nan = report with { Metrics = [.. report.Metrics.Select((m, i) => i == 0 ? m with { Value = double.NaN } : m)] };

        var json = JsonReportRenderer.Render(nan);

        Assert.True(Schema.Value.Validate(json).Count == 0);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("metrics")[0].GetProperty("value").ValueKind);
    }
}
