using System.Globalization;
using Microsoft.Build.Framework;
using NmiGate.Core.Configuration;
using NmiGate.Core.Gating;
using NmiGate.Core.Metrics;
using NmiGate.Core.Reporting;

namespace NmiGate.MSBuild;

/// <summary>
/// Evaluates the gate through Core's one entry point (<see cref="GateCheck.Run"/>), logs the findings
/// as coded MSBuild errors and warnings at their <c>nmigate.yml</c> positions, and stores the verdict.
/// </summary>
public sealed class CheckGate : GateTask
{
    /// <summary>Where the verdict is stored for replay; none is stored when empty.</summary>
    public string? StampFile { get; set; }

    /// <summary>pass, warn or fail.</summary>
    [Output]
    public string Verdict { get; private set; } = string.Empty;

    /// <summary>The gated NMI (the <c>nmi</c> threshold's average, arithmetic by default), invariant text.</summary>
    [Output]
    public string Nmi { get; private set; } = string.Empty;

    /// <summary>The report written under <see cref="GateTask.ReportDirectory"/>, or empty.</summary>
    [Output]
    public string ReportFile { get; private set; } = string.Empty;

    /// <inheritdoc/>
    protected override void ExecuteCore()
    {
        // An old stamp must not outlive this evaluation, whatever happens to it.
        GateStamp.Delete(StampFile);
        var configuration = BuildOptions();
        var options = configuration.Options ?? throw new ConfigurationException(configuration.Problems, configuration.OmittedProblemCount);
        var fingerprint = GateInputs.Fingerprint(GateInputs.Describe(Settings(), GateInputs.Files(options)));
        var writeReport = !string.IsNullOrWhiteSpace(ReportDirectory);
        var result = GateCheck.Run(options, new GateCheckOptions(FailOnWarning, Record, SampleMovedIds: writeReport), progress: null, CancellationToken);
        if (writeReport)
        {
            // The same report.md (PR comment sized) and report.json the CLI's --report-dir writes; relative to the project.
            var directory = Path.GetFullPath(Path.Combine(BaseDirectory ?? Directory.GetCurrentDirectory(), ReportDirectory!));
            ReportFile = ReportFiles.Write(ReportFiles.Build(result), directory).Markdown;
            Log.LogMessage(MessageImportance.Normal, $"NmiGate: report written to {ReportFile} and {ReportFiles.JsonFileName} beside it.");
        }

        var messages = BuildMessages.FromResult(result, options.ConfigurationFile, HelpLinkBase);
        Report(messages);

        Verdict = result.Verdict.ToString().ToLowerInvariant();
        var average = options.Thresholds[GateMetric.Nmi]?.Average?.Value ?? AverageMethod.Arithmetic;
        Nmi = result.Metrics.Nmi(average).ToString("R", CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(StampFile))
        {
            new GateStamp(GateStamp.CurrentFormat, fingerprint, Verdict, Nmi, ReportFile, DateTimeOffset.UtcNow, messages).Write(StampFile);
        }
    }

    /// <inheritdoc/>
    protected override void OnCouldNotEvaluate() => GateStamp.Delete(StampFile);
}
