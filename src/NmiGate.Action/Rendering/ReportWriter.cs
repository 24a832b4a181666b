using NmiGate.Core.Gating;
using NmiGate.Core.Reporting;

namespace NmiGate.Action.Rendering;

/// <summary>
/// The report of a check, built once and rendered for every place it goes: the Markdown of the PR
/// comment, job summary and <c>report.md</c> (<see cref="MarkdownReportRenderer"/>), and
/// <c>report.json</c> (<see cref="JsonReportRenderer"/>, <c>schemas/report.schema.json</c>).
/// </summary>
internal static class ReportWriter
{
    /// <summary>Room left under GitHub's comment limit for the lines the sticky comment adds (its marker and verdict line).</summary>
    public const int CommentHeadroom = 256;

    /// <summary>
    /// Diffs the result's table and builds its report. Charts follow the gate's <c>report.charts</c>
    /// unless <paramref name="charts"/> is given; moved ids are sampled when the check kept its rows.
    /// </summary>
    public static GateReport Build(GateResult result, ReportCharts? charts = null) => ReportFiles.Build(result, charts);

    /// <summary>The Markdown of <paramref name="result"/>, short enough to be posted as a comment with the sticky comment's own lines.</summary>
    public static string Markdown(GateResult result, ReportCharts? charts = null) => Markdown(Build(result, charts));

    /// <summary>The Markdown of <paramref name="report"/>, short enough to be posted as a comment with the sticky comment's own lines.</summary>
    public static string Markdown(GateReport report) =>
        MarkdownReportRenderer.Render(report, MarkdownReportRenderer.GitHubCommentLimit - CommentHeadroom);

    /// <summary>Writes <paramref name="report"/> as <c>report.json</c> at <paramref name="path"/>, creating its folder.</summary>
    public static void WriteJson(GateReport report, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        JsonReportRenderer.Write(report, stream);
    }
}
