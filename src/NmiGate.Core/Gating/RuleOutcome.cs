using NmiGate.Core.Configuration;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Gating;

/// <summary>One configured threshold checked against its metric.</summary>
/// <param name="Threshold">The rule as configured (with where it came from in <c>nmigate.yml</c>).</param>
/// <param name="Average">The normalisation used, for NMI and AMI; <see langword="null"/> otherwise.</param>
/// <param name="Value">The metric's value.</param>
/// <param name="Verdict">Pass, warn or fail.</param>
/// <param name="Message">What was checked and why it ended so, with the numbers.</param>
public sealed record RuleOutcome(MetricThreshold Threshold, AverageMethod? Average, double Value, Verdict Verdict, string Message)
{
    /// <summary>The metric's display name, e.g. <c>nmi (arithmetic)</c>.</summary>
    public string MetricName => DisplayName(Threshold.Metric, Average);

    internal static string DisplayName(GateMetric metric, AverageMethod? average) => average is { } a
        ? $"{metric.ToName()} ({MetricSet.AverageName(a)})"
        : metric.ToName();
}
