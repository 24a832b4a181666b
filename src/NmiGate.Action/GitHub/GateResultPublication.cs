using System.Text.RegularExpressions;
using NmiGate.Action.Rendering;
using NmiGate.Core.Configuration;
using NmiGate.Core.Diagnostics;
using NmiGate.Core.Gating;
using NmiGate.Core.Metrics;
using NmiGate.Core.Reporting;

namespace NmiGate.Action.GitHub;

/// <summary>
/// The one adapter from a <see cref="GateResult"/> to a <see cref="PublishRequest"/>. The body is
/// the Markdown report (<see cref="ReportWriter.Markdown(GateReport)"/>; nothing else in GitHub/ depends on how it is made).
/// </summary>
internal static partial class GateResultPublication
{
    /// <summary>The request of <paramref name="result"/>; its body renders <paramref name="report"/> when given (built once with report.json), else builds one.</summary>
    public static PublishRequest From(GateResult result, string? reportJsonPath, Func<string, string> repositoryPath, GateReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var annotations = result.Findings.Select(finding => AnnotationOf(finding, repositoryPath)).ToList();
        return new PublishRequest(
            result.GateName,
            !result.IsEvaluated ? PublishVerdict.Error
                : result.Verdict switch { Verdict.Pass => PublishVerdict.Pass, Verdict.Warn => PublishVerdict.Warn, _ => PublishVerdict.Fail },
            result.Summary,
            ReportWriter.Markdown(report ?? ReportFiles.Build(result)),
            result.Metrics.Nmi(AverageOf(result, GateMetric.Nmi)),
            result.Metrics.Ami(AverageOf(result, GateMetric.Ami)),
            annotations,
            reportJsonPath);
    }

    /// <summary>A gate that could not evaluate: verdict <c>error</c>, one annotation per problem line.</summary>
    public static PublishRequest FromError(IReadOnlyList<string> lines, string gateName, Func<string, string> repositoryPath)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var annotations = lines.Select(line => ProblemLine().Match(line) is { Success: true } m
            ? new Annotation(AnnotationLevel.Error, m.Groups["message"].Value, repositoryPath(m.Groups["file"].Value),
                int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture),
                $"NmiGate {m.Groups["code"].Value}")
            : new Annotation(AnnotationLevel.Error, line, Title: "NmiGate could not evaluate the gate")).ToList();
        var headline = $"NmiGate could not evaluate gate '{gateName}': {(lines.Count > 0 ? lines[0] : "no detail")}";
        var markdown = $"### NmiGate `{gateName}`: ERROR\n\nThe gate could not be evaluated (exit code 2):\n\n```text\n{string.Join('\n', lines)}\n```\n";
        return new PublishRequest(gateName, PublishVerdict.Error, headline, markdown, null, null, annotations);
    }

    private static AverageMethod AverageOf(GateResult result, GateMetric metric) =>
        result.Rules.FirstOrDefault(r => r.Metric == metric)?.Average ?? AverageMethod.Arithmetic;

    /// <summary>One annotation per finding, at the <c>nmigate.yml</c> key that set the rule (the broken threshold).</summary>
    private static Annotation AnnotationOf(Finding finding, Func<string, string> repositoryPath)
    {
        var level = finding.Severity switch
        {
            FindingSeverity.Error => AnnotationLevel.Error,
            FindingSeverity.Warning => AnnotationLevel.Warning,
            _ => AnnotationLevel.Notice,
        };
        var title = $"NmiGate {finding.Code.ToCodeString()}";
        var source = finding.Location;
        return source.Origin == ValueOrigin.File && source.File is { } file
            ? new Annotation(level, finding.Message, repositoryPath(file), source.Line, source.Column, title)
            : new Annotation(level, finding.Message, Title: title);
    }

    [GeneratedRegex(@"^(?<file>.+)\((?<line>\d+),(?<col>\d+)\): error (?<code>NMIG\d+): (?<message>.*)$")]
    private static partial Regex ProblemLine();
}
