using NmiGate.Core.Configuration;
using NmiGate.Core.Gating;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Tests.Gating;

public sealed class ThresholdEvaluatorTests
{
    // Reference 3 × 4 rows; the candidate splits cluster "c" and moves two rows: NMI ≈ 0.7.
    private static readonly MetricSet Metrics = MetricSet.From(ContingencyTable.FromLabels(
        new[] { "a", "a", "a", "a", "b", "b", "b", "b", "c", "c", "c", "c" },
        new[] { "x", "x", "x", "y", "y", "y", "y", "y", "z", "z", "w", "w" }));

    [Theory]
    [InlineData(0.50, 0.60, Verdict.Pass)]
    [InlineData(0.50, 0.99, Verdict.Warn)]
    [InlineData(0.95, 0.99, Verdict.Fail)]
    public void Nmi_rule_passes_warns_or_fails_by_its_thresholds(double failBelow, double warnBelow, Verdict expected)
    {
        var outcome = Assert.Single(ThresholdEvaluator.Evaluate(Thresholds(Rule(GateMetric.Nmi, failBelow, warnBelow)), Metrics));
        Assert.Equal(expected, outcome.Verdict);
        Assert.Equal(Metrics.NmiArithmetic, outcome.Value);
        Assert.Equal("nmi (arithmetic)", outcome.MetricName);
        Assert.Contains(outcome.Value.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configured_average_selects_the_normalisation()
    {
        var rule = Rule(GateMetric.Ami, 0.1, null) with { Average = new Sourced<AverageMethod>(AverageMethod.Max, ValueSource.Default) };
        var outcome = Assert.Single(ThresholdEvaluator.Evaluate(Thresholds(rule), Metrics));
        Assert.Equal(Metrics.AmiMax, outcome.Value);
        Assert.Equal(AverageMethod.Max, outcome.Average);
    }

    [Fact]
    public void Metrics_without_an_average_report_none()
    {
        var outcome = Assert.Single(ThresholdEvaluator.Evaluate(Thresholds(Rule(GateMetric.Ari, -0.5, null)), Metrics));
        Assert.Null(outcome.Average);
        Assert.Equal(Metrics.AdjustedRandIndex, outcome.Value);
        Assert.Equal(Verdict.Pass, outcome.Verdict);
    }

    [Fact]
    public void Gate_verdict_is_the_worst_rule_and_no_rule_at_all_fails()
    {
        var outcomes = ThresholdEvaluator.Evaluate(
            Thresholds(Rule(GateMetric.Nmi, 0.1, null), Rule(GateMetric.Homogeneity, 0.1, 0.99), Rule(GateMetric.Rand, 0.1, null)),
            Metrics);
        Assert.Equal([Verdict.Pass, Verdict.Warn, Verdict.Pass], outcomes.Select(o => o.Verdict));
        Assert.Equal(Verdict.Warn, ThresholdEvaluator.Combine(outcomes));
        Assert.Equal(Verdict.Fail, ThresholdEvaluator.Combine([]));
    }

    [Fact]
    public void Every_gate_metric_maps_to_its_metric_set_value()
    {
        Assert.Equal(Metrics.NmiGeometric, ThresholdEvaluator.ValueOf(Metrics, GateMetric.Nmi, AverageMethod.Geometric));
        Assert.Equal(Metrics.AmiMin, ThresholdEvaluator.ValueOf(Metrics, GateMetric.Ami, AverageMethod.Min));
        Assert.Equal(Metrics.RandIndex, ThresholdEvaluator.ValueOf(Metrics, GateMetric.Rand, AverageMethod.Arithmetic));
        Assert.Equal(Metrics.Homogeneity, ThresholdEvaluator.ValueOf(Metrics, GateMetric.Homogeneity, AverageMethod.Arithmetic));
        Assert.Equal(Metrics.Completeness, ThresholdEvaluator.ValueOf(Metrics, GateMetric.Completeness, AverageMethod.Arithmetic));
        Assert.Equal(Metrics.VMeasure, ThresholdEvaluator.ValueOf(Metrics, GateMetric.VMeasure, AverageMethod.Arithmetic));
        Assert.Equal(Metrics.FowlkesMallows, ThresholdEvaluator.ValueOf(Metrics, GateMetric.Fmi, AverageMethod.Arithmetic));
    }

    private static MetricThreshold Rule(GateMetric metric, double? failBelow, double? warnBelow) => new(
        metric,
        null,
        failBelow is { } f ? new Sourced<double>(f, ValueSource.Default) : null,
        warnBelow is { } w ? new Sourced<double>(w, ValueSource.Default) : null,
        ValueSource.Default);

    private static ThresholdOptions Thresholds(params MetricThreshold[] rules) => new(rules.ToDictionary(r => r.Metric));
}
