using NmiGate.Core.Diff;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Reporting;

/// <summary>What a report needs beyond the gate's result and its diff; everything is optional.</summary>
public sealed record ReportInputs
{
    /// <summary>No samples, no intervals, no charts, tool version unknown.</summary>
    public static ReportInputs Default { get; } = new();

    /// <summary>Moved ids sampled per reference cluster when the check can sample them and no <see cref="MovedIds"/> are given.</summary>
    public const int DefaultMovedIdsPerCluster = 10;

    /// <summary>The sampling seed when the gate has no <c>confidence.seed</c>: fixed, so a re-run shows the same ids.</summary>
    public const ulong DefaultMovedIdsSeed = 7;

    /// <summary>
    /// Seeded moved-id samples (<see cref="ContingencyDiff.SampleMovedIds"/>). When empty and the check
    /// kept its rows (<see cref="Gating.GateResult.Aligned"/>) or was asked to sample them
    /// (<see cref="Gating.GateCheckOptions.SampleMovedIds"/>), <see cref="GateReport.From"/> samples them itself.
    /// </summary>
    public IReadOnlyList<MovedIdSample> MovedIds { get; init; } = [];

    /// <summary>Ids per reference cluster when <see cref="GateReport.From"/> samples them.</summary>
    public int MovedIdsPerCluster { get; init; } = DefaultMovedIdsPerCluster;

    /// <summary>Bootstrap intervals by metric key (<c>nmi_arithmetic</c>), when the caller computed them.</summary>
    public IReadOnlyDictionary<string, ConfidenceInterval>? Intervals { get; init; }

    /// <summary>Charts in the Markdown; null takes the gate's <c>report.charts</c> (<see cref="Gating.GateResult.Report"/>), else none.</summary>
    public ReportCharts? Charts { get; init; }

    /// <summary>Provenance; the tool version at least.</summary>
    public ReportProvenance Provenance { get; init; } = new("unknown");
}
