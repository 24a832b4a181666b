using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Configuration;

/// <summary>
/// One thing wrong with a gate's configuration, located in <c>nmigate.yml</c> (1-based line and column)
/// or in a host override (<see cref="Line"/> is 0 and <see cref="File"/> names the override's origin).
/// </summary>
/// <param name="Code">The stable code, documented in <c>docs/diagnostics.md</c>.</param>
/// <param name="File">The configuration file's full path, or the origin of an override (e.g. <c>command line</c>).</param>
/// <param name="Line">1-based line; 0 when the problem concerns the whole file or an override.</param>
/// <param name="Column">1-based column; 0 when <paramref name="Line"/> is 0.</param>
/// <param name="Message">What is wrong and what was expected.</param>
/// <param name="Suggestion">The closest valid key or name, for a probable typo.</param>
public sealed record ConfigurationProblem(
    DiagnosticCode Code,
    string File,
    int Line,
    int Column,
    string Message,
    string? Suggestion = null)
{
    /// <summary>The problem in the compiler-like shape <c>path(line,col): error NMIG1xxx: message</c>.</summary>
    public override string ToString() => ConfigurationProblemFormatter.Format(this);
}
