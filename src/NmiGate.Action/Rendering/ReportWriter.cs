using NmiGate.Core.Reporting;

namespace NmiGate.Action.Rendering;

/// <summary>
/// The Markdown of a check's report (<see cref="ReportFiles.Build"/>) as the Action posts it: the PR
/// comment, job summary and <c>report.md</c>, sized to leave room for the sticky comment's own lines.
/// </summary>
internal static class ReportWriter
{
    /// <summary>Room left under GitHub's comment limit for the lines the sticky comment adds (its marker and verdict line).</summary>
    public const int CommentHeadroom = 256;

    /// <summary>The Markdown of <paramref name="report"/>, short enough to be posted as a comment with the sticky comment's own lines.</summary>
    public static string Markdown(GateReport report) =>
        MarkdownReportRenderer.Render(report, MarkdownReportRenderer.GitHubCommentLimit - CommentHeadroom);
}
