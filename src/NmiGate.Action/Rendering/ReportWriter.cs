using System.Text;
using NmiGate.Core;
using NmiGate.Core.Diff;
using NmiGate.Core.Gating;
using NmiGate.Core.Reporting;

namespace NmiGate.Action.Rendering;

/// <summary>
/// <c>check --report-dir DIR</c>: writes <c>report.md</c> (the PR comment / job summary) and
/// <c>report.json</c> (schemas/report.schema.json), the same files the Action posts.
/// </summary>
internal static class ReportWriter
{
    public const string MarkdownFileName = "report.md";
    public const string JsonFileName = "report.json";

    /// <summary>Diffs the result's table, builds the report and writes both files into <paramref name="directory"/> (created when missing).</summary>
    /// <exception cref="NmiGateInputException">The directory or a file in it cannot be written.</exception>
    public static GateReport Write(GateResult result, string directory, string toolVersion, ReportCharts charts = ReportCharts.None)
    {
        var report = GateReport.From(result, ContingencyDiff.Compute(result.Table), new ReportInputs
        {
            Charts = charts,
            Provenance = new ReportProvenance(toolVersion, Time: DateTimeOffset.UtcNow),
        });
        var markdownPath = Path.GetFullPath(Path.Combine(directory, MarkdownFileName));
        var jsonPath = Path.GetFullPath(Path.Combine(directory, JsonFileName));
        WriteFile(markdownPath, stream =>
        {
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(MarkdownReportRenderer.Render(report));
            stream.Write(bytes);
        });
        WriteFile(jsonPath, stream => JsonReportRenderer.Write(report, stream));
        return report;
    }

    private static void WriteFile(string path, Action<Stream> write)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
            write(stream);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new NmiGateInputException(path, null, $"cannot write the report: {exception.Message} Pass a writable folder to --report-dir.", exception);
        }
    }
}
