using System.Globalization;

namespace NmiGate.Core.Diagnostics;

/// <summary>Renders diagnostic codes the way hosts print them.</summary>
public static class DiagnosticCodeExtensions
{
    /// <summary>The printed form of a code, e.g. <c>NMIG1001</c>.</summary>
    public static string ToCodeString(this DiagnosticCode code) =>
        "NMIG" + ((int)code).ToString("D4", CultureInfo.InvariantCulture);
}
