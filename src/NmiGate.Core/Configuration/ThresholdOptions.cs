using System.Collections.ObjectModel;

namespace NmiGate.Core.Configuration;

/// <summary>The <c>thresholds</c> section, keyed by metric, in the order the file declares them.</summary>
/// <param name="Metrics">The thresholds of each configured metric.</param>
public sealed record ThresholdOptions(IReadOnlyDictionary<GateMetric, MetricThreshold> Metrics)
{
    /// <summary>
    /// <c>thresholds.max-drop</c>: per metric, the largest allowed fall below the last result recorded
    /// in the gate's history for the same reference version. Empty when not configured.
    /// </summary>
    public IReadOnlyDictionary<GateMetric, Sourced<double>> MaxDrop { get; init; } = ReadOnlyDictionary<GateMetric, Sourced<double>>.Empty;

    /// <summary>The thresholds of <paramref name="metric"/>, or <see langword="null"/> when it is not gated.</summary>
    public MetricThreshold? this[GateMetric metric] => Metrics.TryGetValue(metric, out var threshold) ? threshold : null;

    /// <summary>Whether any rule is configured: a threshold or a maximum drop.</summary>
    public bool HasRules => Metrics.Count > 0 || MaxDrop.Count > 0;
}
