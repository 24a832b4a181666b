namespace NmiGate.Core.Configuration;

/// <summary>The <c>thresholds</c> section, keyed by metric, in the order the file declares them.</summary>
/// <param name="Metrics">The thresholds of each configured metric.</param>
public sealed record ThresholdOptions(IReadOnlyDictionary<GateMetric, MetricThreshold> Metrics)
{
    /// <summary>The thresholds of <paramref name="metric"/>, or <see langword="null"/> when it is not gated.</summary>
    public MetricThreshold? this[GateMetric metric] => Metrics.TryGetValue(metric, out var threshold) ? threshold : null;
}
