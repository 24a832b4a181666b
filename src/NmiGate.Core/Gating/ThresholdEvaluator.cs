using System.Globalization;
using NmiGate.Core.Configuration;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Gating;

/// <summary>Checks the configured <c>fail-below</c> / <c>warn-below</c> thresholds against computed metrics.</summary>
public static class ThresholdEvaluator
{
    /// <summary>One outcome per configured metric, in configuration order.</summary>
    public static IReadOnlyList<RuleOutcome> Evaluate(ThresholdOptions thresholds, MetricSet metrics)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(metrics);
        var outcomes = new List<RuleOutcome>(thresholds.Metrics.Count);
        foreach (var threshold in thresholds.Metrics.Values)
        {
            AverageMethod? average = threshold.Metric.TakesAverage()
                ? threshold.Average?.Value ?? AverageMethod.Arithmetic
                : null;
            var value = ValueOf(metrics, threshold.Metric, average ?? AverageMethod.Arithmetic);
            outcomes.Add(Check(threshold, average, value));
        }

        return outcomes;
    }

    /// <summary>The worst verdict of the outcomes; a gate with no rule cannot pass (nothing was checked).</summary>
    public static Verdict Combine(IReadOnlyList<RuleOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return outcomes.Count == 0 ? Verdict.Fail : outcomes.Max(o => o.Verdict);
    }

    /// <summary>The value of a gate metric in a metric set.</summary>
    public static double ValueOf(MetricSet metrics, GateMetric metric, AverageMethod average)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metric switch
        {
            GateMetric.Nmi => metrics.Nmi(average),
            GateMetric.Ami => metrics.Ami(average),
            GateMetric.Ari => metrics.AdjustedRandIndex,
            GateMetric.Rand => metrics.RandIndex,
            GateMetric.Homogeneity => metrics.Homogeneity,
            GateMetric.Completeness => metrics.Completeness,
            GateMetric.VMeasure => metrics.VMeasure,
            GateMetric.Fmi => metrics.FowlkesMallows,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a gate metric."),
        };
    }

    private static RuleOutcome Check(MetricThreshold threshold, AverageMethod? average, double value)
    {
        var name = RuleOutcome.DisplayName(threshold.Metric, average);
        if (double.IsNaN(value))
        {
            // A metric that cannot be computed must never read as a pass.
            return new RuleOutcome(threshold, average, value, Verdict.Fail, $"{name} could not be computed (NaN); the gate cannot evaluate it.");
        }

        if (threshold.FailBelow is { } fail && value < fail.Value)
        {
            return new RuleOutcome(threshold, average, value, Verdict.Fail, $"{name} = {F(value)} is below fail-below {F(fail.Value)}.");
        }

        if (threshold.WarnBelow is { } warn && value < warn.Value)
        {
            return new RuleOutcome(threshold, average, value, Verdict.Warn, $"{name} = {F(value)} is below warn-below {F(warn.Value)}.");
        }

        var limits = string.Join(", ", new[]
        {
            threshold.FailBelow is { } f ? $"fail-below {F(f.Value)}" : null,
            threshold.WarnBelow is { } w ? $"warn-below {F(w.Value)}" : null,
        }.Where(s => s is not null));
        return new RuleOutcome(threshold, average, value, Verdict.Pass, $"{name} = {F(value)} holds ({limits}).");
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
