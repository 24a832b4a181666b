namespace NmiGate.Core.Metrics;

/// <summary>A metric's value on the observed table and a bootstrap percentile interval around it.</summary>
/// <param name="Estimate">The metric on the observed table.</param>
/// <param name="Lower">The (1 − <paramref name="Level"/>)/2 quantile of the replicate values.</param>
/// <param name="Upper">The (1 + <paramref name="Level"/>)/2 quantile of the replicate values.</param>
/// <param name="Level">The nominal coverage, e.g. 0.95.</param>
/// <param name="Resamples">How many bootstrap replicates the interval was computed from.</param>
public readonly record struct ConfidenceInterval(double Estimate, double Lower, double Upper, double Level, int Resamples);
