namespace NmiGate.MSBuild;

/// <summary>
/// Codes of problems that only the MSBuild host has (5xxx), beside Core's codes. Documented in
/// <c>docs/diagnostics.md</c> like every other code.
/// </summary>
internal static class TaskDiagnosticCodes
{
    /// <summary>The build runs on .NET Framework MSBuild, which cannot load the .NET 10 task (raised by the targets).</summary>
    public const string UnsupportedMSBuild = "NMIG5001";

    /// <summary>The stored verdict is unreadable or does not match the inputs; it is deleted so the next build evaluates again.</summary>
    public const string StaleVerdict = "NMIG5002";

    /// <summary>The gate stopped on an unexpected error (a bug): never a pass.</summary>
    public const string InternalError = "NMIG5003";
}
