namespace NmiGate.Core.Reporting;

/// <summary>A bootstrap percentile interval of a metric.</summary>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
/// <param name="Level">Nominal coverage, e.g. 0.95.</param>
/// <param name="Resamples">Bootstrap replicates drawn.</param>
public sealed record ReportInterval(double Lower, double Upper, double Level, int Resamples);
