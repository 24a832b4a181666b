namespace NmiGate.Core.Reporting;

/// <summary>The metrics of the rows sharing one value of a held-out column.</summary>
/// <param name="Name">The slice, e.g. <c>region=north</c>.</param>
/// <param name="Rows">Its rows.</param>
/// <param name="Metrics">Its metric rows (empty when too small).</param>
/// <param name="TooSmall">True when it has fewer rows than its <c>min-rows</c>: reported, not gated.</param>
public sealed record ReportSlice(string Name, long Rows, IReadOnlyList<ReportMetric> Metrics, bool TooSmall);
