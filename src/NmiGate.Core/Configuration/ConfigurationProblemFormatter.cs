using System.Globalization;
using System.Text;
using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Configuration;

/// <summary>
/// Formats problems in the canonical compiler shape <c>path(line,col): error NMIG1001: message</c>,
/// which MSBuild, the .NET SDK's problem matcher and GitHub annotations all understand.
/// </summary>
public static class ConfigurationProblemFormatter
{
    /// <summary>One problem on one line, with its suggestion appended (<c>; did you mean `fail-below`?</c>).</summary>
    public static string Format(ConfigurationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var text = new StringBuilder(problem.File);
        if (problem.Line > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"({problem.Line},{Math.Max(problem.Column, 1)})");
        }

        text.Append(CultureInfo.InvariantCulture, $": error {problem.Code.ToCodeString()}: {FullMessage(problem)}");
        return text.ToString();
    }

    /// <summary>Every problem, one per line, in the order given, then a line counting any left out.</summary>
    public static string Format(IEnumerable<ConfigurationProblem> problems, int omittedProblemCount = 0)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var text = string.Join('\n', problems.Select(Format));
        return omittedProblemCount > 0
            ? text + string.Create(CultureInfo.InvariantCulture, $"\n... and {omittedProblemCount} more configuration problem(s) not shown")
            : text;
    }

    /// <summary>The message with its suggestion, without location or code (for hosts that pass those separately).</summary>
    public static string FullMessage(ConfigurationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Suggestion is null ? problem.Message : $"{problem.Message}; did you mean `{problem.Suggestion}`?";
    }
}
