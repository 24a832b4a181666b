using NmiGate.Core.Diff;
using NmiGate.Core.Gating;

namespace NmiGate.Core.Reporting;

/// <summary>
/// The report of a gate check as every host builds and writes it: the diff computed, then
/// <c>report.md</c> (sized for a GitHub comment) and <c>report.json</c> (<c>schemas/report.schema.json</c>).
/// </summary>
public static class ReportFiles
{
    /// <summary>The Markdown report's file name.</summary>
    public const string MarkdownFileName = "report.md";

    /// <summary>The JSON report's file name.</summary>
    public const string JsonFileName = "report.json";

    /// <summary>The report of <paramref name="result"/>; <paramref name="charts"/> overrides <c>report.charts</c> when given.</summary>
    public static GateReport Build(GateResult result, ReportCharts? charts = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return GateReport.From(result, ContingencyDiff.Compute(result.Table), new ReportInputs
        {
            Charts = charts,
            Provenance = new ReportProvenance(GateCheck.ToolVersion, Time: DateTimeOffset.UtcNow),
        });
    }

    /// <summary>Writes <c>report.md</c> and <c>report.json</c> into <paramref name="directory"/> (created when missing); returns their paths.</summary>
    /// <param name="report">The report.</param>
    /// <param name="directory">The folder to write to.</param>
    /// <param name="markdownLimit">The Markdown's character budget (a GitHub comment's by default).</param>
    public static (string Markdown, string Json) Write(GateReport report, string directory, int markdownLimit = MarkdownReportRenderer.GitHubCommentLimit)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var markdown = Path.GetFullPath(Path.Combine(directory, MarkdownFileName));
        var json = Path.GetFullPath(Path.Combine(directory, JsonFileName));
        File.WriteAllText(markdown, MarkdownReportRenderer.Render(report, markdownLimit));
        WriteJson(report, json);
        return (markdown, json);
    }

    /// <summary>Writes the JSON report to <paramref name="path"/>, creating its folder when missing.</summary>
    public static void WriteJson(GateReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        JsonReportRenderer.Write(report, stream);
    }
}
