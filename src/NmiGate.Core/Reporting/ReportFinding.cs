using NmiGate.Core.Gating;

namespace NmiGate.Core.Reporting;

/// <summary>One thing the rules found.</summary>
/// <param name="Code">Its stable code (<c>NMIG2001</c>), or null when the rule that made it has none yet.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">What was found, with the numbers.</param>
/// <param name="File">The file it points at (e.g. <c>nmigate.yml</c>), when any.</param>
/// <param name="Line">The 1-based line in <paramref name="File"/>, when known.</param>
public sealed record ReportFinding(string? Code, FindingSeverity Severity, string Message, string? File = null, int? Line = null);
