using NmiGate.Core.Diff;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Reporting;

/// <summary>What a report needs beyond the gate's result and its diff; everything is optional.</summary>
public sealed record ReportInputs
{
    /// <summary>No samples, no intervals, no charts, tool version unknown.</summary>
    public static ReportInputs Default { get; } = new();

    /// <summary>Seeded moved-id samples (<see cref="ContingencyDiff.SampleMovedIds"/>).</summary>
    public IReadOnlyList<MovedIdSample> MovedIds { get; init; } = [];

    /// <summary>Bootstrap intervals by metric key (<c>nmi_arithmetic</c>), when the caller computed them.</summary>
    public IReadOnlyDictionary<string, ConfidenceInterval>? Intervals { get; init; }

    /// <summary>Charts in the Markdown.</summary>
    public ReportCharts Charts { get; init; } = ReportCharts.None;

    /// <summary>Provenance; the tool version at least.</summary>
    public ReportProvenance Provenance { get; init; } = new("unknown");
}
