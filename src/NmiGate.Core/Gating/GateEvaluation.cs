using NmiGate.Core.Metrics;

namespace NmiGate.Core.Gating;

/// <summary>What <see cref="GateEvaluator"/> concluded from the tables: the parts of a <see cref="GateResult"/> that are rules and verdict.</summary>
/// <param name="Metrics">The whole set's metrics; null when no row was compared.</param>
/// <param name="Rules">Whole-set rule outcomes (thresholds, then max-drops), in configuration order.</param>
/// <param name="Slices">Every slice, judged or too small.</param>
/// <param name="Findings">Every finding, whole set first, then slices.</param>
/// <param name="Intervals">The whole set's bootstrap intervals by metric key (<c>nmi_arithmetic</c>).</param>
/// <param name="Verdict">The worst finding: an error fails, a warning warns.</param>
internal sealed record GateEvaluation(
    MetricSet? Metrics,
    IReadOnlyList<RuleOutcome> Rules,
    IReadOnlyList<SliceResult> Slices,
    IReadOnlyList<Finding> Findings,
    IReadOnlyDictionary<string, ConfidenceInterval> Intervals,
    Verdict Verdict);
