using NmiGate.Core.Metrics;

namespace NmiGate.Core.Configuration;

/// <summary>Host overrides for one metric's thresholds; <see langword="null"/> members leave the file's value.</summary>
/// <param name="FailBelow">Overrides <c>fail-below</c>.</param>
/// <param name="WarnBelow">Overrides <c>warn-below</c>.</param>
/// <param name="Average">Overrides <c>average</c> (NMI and AMI only).</param>
public sealed record ThresholdOverride(double? FailBelow = null, double? WarnBelow = null, AverageMethod? Average = null);
