using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Registry;

/// <summary>One thing wrong with the reference registry, in the compiler shape hosts print.</summary>
/// <param name="Code">The stable code (<c>NMIG4xxx</c>), documented in <c>docs/diagnostics.md</c>.</param>
/// <param name="FilePath">The file or folder at fault, as a full path.</param>
/// <param name="Version">The version concerned (<c>v3</c>), or null when the problem is not about one version.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record RegistryProblem(DiagnosticCode Code, string FilePath, string? Version, string Message)
{
    /// <summary><c>path: error NMIG4005: message</c>.</summary>
    public override string ToString() => $"{FilePath}: error {Code.ToCodeString()}: {Message}";
}
