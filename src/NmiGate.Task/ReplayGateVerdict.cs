using System.Globalization;
using Microsoft.Build.Framework;

namespace NmiGate.MSBuild;

/// <summary>
/// Runs when the <c>NmiGate</c> evaluation was skipped because no input changed: logs the stored
/// verdict's errors, warnings and messages again, so a failed gate fails every build until fixed.
/// A missing, unreadable or mismatched stamp is an error (and is deleted), never a pass.
/// </summary>
public sealed class ReplayGateVerdict : NmiGateTask
{
    /// <summary>The stored verdict.</summary>
    [Required]
    public string StampFile { get; set; } = string.Empty;

    /// <summary>The inputs cache written by <see cref="ResolveGateInputs"/> in this build.</summary>
    [Required]
    public string InputsCacheFile { get; set; } = string.Empty;

    /// <summary>pass, warn or fail, as stored.</summary>
    [Output]
    public string Verdict { get; private set; } = string.Empty;

    /// <summary>The stored NMI.</summary>
    [Output]
    public string Nmi { get; private set; } = string.Empty;

    /// <summary>The stored report path.</summary>
    [Output]
    public string ReportFile { get; private set; } = string.Empty;

    /// <inheritdoc/>
    protected override void ExecuteCore()
    {
        var stamp = GateStamp.TryRead(StampFile);
        var current = File.Exists(InputsCacheFile) ? GateInputs.Fingerprint(File.ReadAllText(InputsCacheFile)) : null;
        if (stamp is null || !string.Equals(stamp.Fingerprint, current, StringComparison.Ordinal))
        {
            GateStamp.Delete(StampFile);
            Log.LogError(null, TaskDiagnosticCodes.StaleVerdict, null, BuildMessages.HelpLink(TaskDiagnosticCodes.StaleVerdict, HelpLinkBase), StampFile, 0, 0, 0, 0,
                stamp is null
                    ? "The stored gate verdict is missing or unreadable, so it cannot be replayed; it was deleted and the next build evaluates the gate again."
                    : "The stored gate verdict was computed from other inputs (a file time went backwards?); it was deleted and the next build evaluates the gate again.");
            return;
        }

        Log.LogMessage(MessageImportance.High, string.Create(CultureInfo.InvariantCulture, $"NmiGate: inputs unchanged since {stamp.EvaluatedAt:u}; replaying the stored verdict ({stamp.Verdict})."));
        Report(stamp.Messages);
        if (stamp.Verdict == "fail" && !Log.HasLoggedErrors)
        {
            // A stored failure always fails, even if its errors were lost.
            Log.LogError(null, null, null, null, StampFile, 0, 0, 0, 0, "The stored gate verdict is fail.");
        }

        Verdict = stamp.Verdict;
        Nmi = stamp.Nmi;
        ReportFile = stamp.ReportFile;
    }
}
