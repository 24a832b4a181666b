using System.Globalization;
using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Registry;

/// <summary>One thing wrong with the reference registry, in the compiler shape hosts print.</summary>
/// <param name="Code">The stable code (<c>NMIG4xxx</c>), documented in <c>docs/diagnostics.md</c>.</param>
/// <param name="FilePath">
/// The registry file or folder at fault, as a full path; or, for a version asked for in
/// <c>nmigate.yml</c> or a host override, that file or the override's origin.
/// </param>
/// <param name="Version">The version concerned (<c>v3</c>), or null when the problem is not about one version.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Line">1-based line in <paramref name="FilePath"/>, or 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based column, or 0.</param>
public sealed record RegistryProblem(DiagnosticCode Code, string FilePath, string? Version, string Message, int Line = 0, int Column = 0)
{
    /// <summary><c>path: error NMIG4005: message</c>, or <c>path(line,col): error ...</c> when a line is known.</summary>
    public override string ToString() => Line > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{FilePath}({Line},{Math.Max(Column, 1)}): error {Code.ToCodeString()}: {Message}")
        : $"{FilePath}: error {Code.ToCodeString()}: {Message}";
}
