using NmiGate.Core.Diff;
using NmiGate.Core.Gating;
using NmiGate.Core.Reporting;

namespace NmiGate.Action.Rendering;

/// <summary>
/// The Markdown report of a check, as the PR comment, job summary and <c>report.md</c> carry it
/// (<see cref="MarkdownReportRenderer"/>), and its JSON form (<c>schemas/report.schema.json</c>).
/// </summary>
internal static class ReportWriter
{
    /// <summary>Room left under GitHub's comment limit for the lines the sticky comment adds (its marker and verdict line).</summary>
    public const int CommentHeadroom = 256;

    /// <summary>Diffs the result's table and builds its report.</summary>
    public static GateReport Build(GateResult result, ReportCharts charts = ReportCharts.None) =>
        GateReport.From(result, ContingencyDiff.Compute(result.Table), new ReportInputs
        {
            Charts = charts,
            Provenance = new ReportProvenance(GateCheck.ToolVersion, Time: DateTimeOffset.UtcNow),
        });

    /// <summary>The Markdown of <paramref name="result"/>, short enough to be posted as a comment with the sticky comment's own lines.</summary>
    public static string Markdown(GateResult result, ReportCharts charts = ReportCharts.None) =>
        MarkdownReportRenderer.Render(Build(result, charts), MarkdownReportRenderer.GitHubCommentLimit - CommentHeadroom);
}
