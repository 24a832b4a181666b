using System.Globalization;
using System.Text.RegularExpressions;
using NmiGate.Core;
using NmiGate.Core.Configuration;
using NmiGate.Core.Diagnostics;
using NmiGate.Core.Gating;
using NmiGate.Core.Registry;
using NmiGate.Core.Scoring;

namespace NmiGate.MSBuild;

/// <summary>
/// The one translation of Core's outcomes (a <see cref="GateResult"/>, or an <see cref="NmiGateException"/>)
/// into MSBuild errors, warnings and messages. Everything the task says about a gate comes from here.
/// </summary>
internal static partial class BuildMessages
{
    /// <summary>
    /// Core's findings as errors, warnings (errors with fail-on-warn) and messages (notices) at their
    /// <c>nmigate.yml</c> positions, a line per rule, and the verdict line last.
    /// </summary>
    public static IReadOnlyList<BuildMessage> FromResult(GateResult result, string configurationFile, string? helpLinkBase)
    {
        ArgumentNullException.ThrowIfNull(result);
        var messages = new List<BuildMessage>
        {
            new(BuildMessageKind.Detail, null, null, 0, 0, string.Create(CultureInfo.InvariantCulture, $"NmiGate: gate '{result.GateName}' compared {result.RowCount} rows with reference {result.ReferenceVersion}.")),
        };
        messages.AddRange(result.AllRules.Select(rule =>
            new BuildMessage(BuildMessageKind.Detail, null, null, 0, 0, $"NmiGate: {(rule.Verdict is { } verdict ? GateResult.VerdictWord(verdict) : "N/A")} {rule.Message}")));
        foreach (var finding in result.Findings)
        {
            var kind = finding.Severity switch
            {
                FindingSeverity.Error => BuildMessageKind.Error,
                FindingSeverity.Warning when result.FailedOnWarn => BuildMessageKind.Error,
                FindingSeverity.Warning => BuildMessageKind.Warning,
                _ => BuildMessageKind.Detail,
            };
            var text = kind == BuildMessageKind.Error && finding.Severity == FindingSeverity.Warning
                ? finding.Message + " (NmiGateFailOnWarning is set)"
                : finding.Message;
            messages.Add(kind == BuildMessageKind.Detail
                ? new(kind, null, null, 0, 0, $"NmiGate: notice {finding.Code.ToCodeString()}: {finding.Message}")
                : Located(kind, finding.Code.ToCodeString(), finding.Location, configurationFile, text, helpLinkBase));
        }

        if (result.Verdict == Verdict.Fail && !messages.Any(m => m.Kind == BuildMessageKind.Error))
        {
            // A failed verdict always fails the build, even if no finding said why.
            messages.Add(new(BuildMessageKind.Error, null, configurationFile, 0, 0, result.Summary));
        }

        messages.Add(new(BuildMessageKind.Summary, null, null, 0, 0, "NmiGate: " + result.Summary));
        return messages;
    }

    /// <summary>One error per problem of a gate that could not be evaluated, each with its code and position.</summary>
    public static IReadOnlyList<BuildMessage> FromException(NmiGateException exception, string? helpLinkBase)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var errors = exception switch
        {
            ConfigurationException configuration => configuration.Problems
                .Select(p => Error(p.Code.ToCodeString(), p.File, p.Line, p.Column, ConfigurationProblemFormatter.FullMessage(p), helpLinkBase))
                .Concat(configuration.OmittedProblemCount > 0
                    ? [new BuildMessage(BuildMessageKind.Error, null, null, 0, 0, string.Create(CultureInfo.InvariantCulture, $"... and {configuration.OmittedProblemCount} more configuration problem(s) not shown"))]
                    : [])
                .ToList(),
            RegistryException registry => registry.Problems
                .Select(p => Error(p.Code.ToCodeString(), p.FilePath, p.Line, p.Column, p.Message, helpLinkBase))
                .ToList(),
            ScoringException scoring => [Error(scoring.Code, scoring.FilePath, (int)Math.Min(scoring.Line ?? 0, int.MaxValue), scoring.Line is null ? 0 : 1, ScoringText(scoring), helpLinkBase)],
            NmiGateInputException input => [Error(null, input.FilePath, (int)Math.Min(input.Line ?? 0, int.MaxValue), 0, input.Message, helpLinkBase)],
            _ => exception.FormatLines().Select(line => Parse(line, helpLinkBase)).ToList(),
        };
        errors.Add(new(BuildMessageKind.Summary, null, null, 0, 0, "NmiGate: the gate could not be evaluated (see the errors above); it fails until they are fixed."));
        return errors;
    }

    /// <summary>The link explaining <paramref name="code"/>: <paramref name="helpLinkBase"/> with the code's anchor.</summary>
    public static string? HelpLink(string? code, string? helpLinkBase) =>
        code is null || string.IsNullOrEmpty(helpLinkBase) ? null : $"{helpLinkBase}#{code.ToLowerInvariant()}";

    private static BuildMessage Located(BuildMessageKind kind, string code, ValueSource at, string configurationFile, string text, string? helpLinkBase) =>
        at.Origin == ValueOrigin.File
            ? new(kind, code, at.File, at.Line, at.Column, text, HelpLink(code, helpLinkBase))
            : new(kind, code, at.Origin == ValueOrigin.Override ? at.File : configurationFile, 0, 0, text, HelpLink(code, helpLinkBase));

    private static BuildMessage Error(string? code, string? file, int line, int column, string text, string? helpLinkBase) =>
        new(BuildMessageKind.Error, code, file, line, line > 0 ? Math.Max(column, 1) : 0, text, HelpLink(code, helpLinkBase));

    // The scoring message opens with its file (and line) for console readers; MSBuild gets those apart.
    private static string ScoringText(ScoringException scoring)
    {
        var line = scoring.FormatLines()[0];
        var marker = $": error {scoring.Code}: ";
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? scoring.Message : line[(at + marker.Length)..];
    }

    // Any other NmiGateException speaks the compiler shape Core promises: file(line,col): error NMIGxxxx: message.
    private static BuildMessage Parse(string line, string? helpLinkBase)
    {
        var match = CompilerShape().Match(line);
        if (!match.Success)
        {
            return new(BuildMessageKind.Error, null, null, 0, 0, line);
        }

        var number = match.Groups["line"].Success ? int.Parse(match.Groups["line"].ValueSpan, CultureInfo.InvariantCulture) : 0;
        var column = match.Groups["col"].Success ? int.Parse(match.Groups["col"].ValueSpan, CultureInfo.InvariantCulture) : 0;
        return Error(match.Groups["code"].Value, match.Groups["file"].Value, number, column, match.Groups["text"].Value, helpLinkBase);
    }

    [GeneratedRegex(@"^(?<file>.+?)(?:\((?<line>\d+),(?<col>\d+)\))?: error (?<code>NMIG\d{4}): (?<text>.*)$", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CompilerShape();
}
