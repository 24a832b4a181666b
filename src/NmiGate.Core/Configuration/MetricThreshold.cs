using NmiGate.Core.Metrics;

namespace NmiGate.Core.Configuration;

/// <summary>The thresholds on one metric. At least one of <see cref="FailBelow"/> and <see cref="WarnBelow"/> is set.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Average">The normalisation, for NMI and AMI only; <see langword="null"/> for the other metrics.</param>
/// <param name="FailBelow">The gate fails when the metric is below this value.</param>
/// <param name="WarnBelow">The gate warns when the metric is below this value (and not below <see cref="FailBelow"/>).</param>
/// <param name="Source">Where the metric's entry is (its key under <c>thresholds</c>).</param>
public sealed record MetricThreshold(
    GateMetric Metric,
    Sourced<AverageMethod>? Average,
    Sourced<double>? FailBelow,
    Sourced<double>? WarnBelow,
    ValueSource Source);
