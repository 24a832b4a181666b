using System.Text.Json;
using NmiGate.Core.Diff;
using NmiGate.Core.Gating;
using NmiGate.Core.Reporting.Json;

namespace NmiGate.Core.Reporting;

/// <summary>
/// The report as one JSON document for machines (<c>schemas/report.schema.json</c>): verdict,
/// findings, metrics with intervals, slices, the whole diff with the sparse matrix, provenance.
/// </summary>
public static class JsonReportRenderer
{
    /// <summary>The version of the document's shape; bumped on any breaking change to the schema.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Writes <paramref name="report"/> as UTF-8 JSON to <paramref name="output"/>.</summary>
    public static void Write(GateReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        JsonSerializer.Serialize(output, ToDocument(report), ReportJsonContext.Default.ReportDocument);
    }

    /// <summary><paramref name="report"/> as a JSON string.</summary>
    public static string Render(GateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(ToDocument(report), ReportJsonContext.Default.ReportDocument);
    }

    private static ReportDocument ToDocument(GateReport report)
    {
        var diff = report.Diff;
        var table = report.Table;
        var matrix = new MatrixDocument(
            table.ReferenceLabels, table.CandidateLabels, table.CellReferences.ToArray(), table.CellCandidates.ToArray(), table.CellCounts.ToArray());

        var p = report.Provenance;
        return new ReportDocument(
            SchemaVersion,
            report.GateName,
            GateReport.VerdictKey(report.Verdict),
            report.FailedOnWarn,
            report.ReferenceVersion,
            report.RowCount,
            report.Summary,
            report.Decisive?.Key,
            [.. report.Metrics.Select(Metric)],
            [.. report.Findings.Select(f => new FindingDocument(f.Code, Severity(f.Severity), f.Message, f.File, f.Line))],
            [.. report.Slices.Select(s => new SliceDocument(s.Name, s.Rows, s.TooSmall, [.. s.Metrics.Select(Metric)]))],
            new DiffDocument(
                diff.RowCount,
                diff.KeptRows,
                diff.MovedRows,
                table.ReferenceClusterCount,
                table.CandidateClusterCount,
                new DiffOptionsDocument(diff.Options.StableShare, diff.Options.SplitShare, diff.Options.MergeShare, diff.Options.MaxDestinations),
                [.. diff.ReferenceClusters.Select(Cluster)],
                [.. diff.NewClusters.Select(n => new NewClusterDocument(n.Label, n.Size, Flows(n.Sources), n.OtherSourceRows, n.OtherSourceCount))],
                [.. report.MovedIds.Select(s => new MovedIdsDocument(s.Label, s.MovedRows, s.Ids))],
                matrix),
            new ProvenanceDocument(p.ToolVersion, p.ModelSha256, p.DataSha256, p.ReferenceSha256, p.Seed, p.Commit, p.Time),
            report.NotComputed);
    }

    // JSON has no NaN: a metric that could not be computed is null.
    private static MetricDocument Metric(ReportMetric m) => new(
        m.Key,
        m.Name,
        double.IsFinite(m.Value) ? m.Value : null,
        m.Interval is { } ci ? new IntervalDocument(ci.Lower, ci.Upper, ci.Level, ci.Resamples) : null,
        m.FailBelow,
        m.WarnBelow,
        m.Delta,
        m.Verdict is { } v ? GateReport.VerdictKey(v) : null);

    private static ClusterDocument Cluster(ReferenceClusterChange c) => new(
        c.Label,
        c.Size,
        c.Match?.CandidateLabel,
        c.KeptRows,
        c.KeptShare,
        c.MovedRows,
        Kind(c.Kind),
        Flows(c.Destinations),
        c.OtherDestinationRows,
        c.OtherDestinationCount,
        Flows(c.SplitInto),
        c.MergedInto is { } m ? Flow(m) : null,
        Flows(c.MergedWith));

    private static FlowDocument[] Flows(IReadOnlyList<ClusterFlow> flows) => [.. flows.Select(Flow)];

    private static FlowDocument Flow(ClusterFlow f) => new(f.Label, f.Rows, f.Share);

    /// <summary>The change kind's JSON word: <c>stable</c>, <c>shrunk</c>, <c>split</c>, <c>merged-into</c>, <c>vanished</c>.</summary>
    internal static string Kind(ChangeKind kind) => kind == ChangeKind.MergedInto ? "merged-into" : MarkdownReportRenderer.KindWord(kind);

    private static string Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "notice",
    };
}
