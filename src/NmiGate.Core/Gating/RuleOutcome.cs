using NmiGate.Core.Configuration;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Gating;

/// <summary>One configured rule checked against its metric, on the whole set or on one slice.</summary>
/// <param name="Kind">A fixed threshold or a maximum drop against history.</param>
/// <param name="Metric">The metric.</param>
/// <param name="Average">The normalisation used, for NMI and AMI; <see langword="null"/> otherwise.</param>
/// <param name="Slice">The slice's name (<c>region=north</c>); <see langword="null"/> for the whole set.</param>
/// <param name="Value">The metric's value (NaN when it could not be computed).</param>
/// <param name="Verdict">Pass, warn or fail; <see langword="null"/> when the rule does not apply (a max-drop without history).</param>
/// <param name="Message">What was checked and why it ended so, with the numbers and the reference version.</param>
/// <param name="Source">The <c>nmigate.yml</c> key (or override) that set the rule.</param>
public sealed record RuleOutcome(
    RuleKind Kind,
    GateMetric Metric,
    AverageMethod? Average,
    string? Slice,
    double Value,
    Verdict? Verdict,
    string Message,
    ValueSource Source)
{
    /// <summary>The bootstrap interval of the value, when <c>confidence</c> is configured and the interval could be computed.</summary>
    public ConfidenceInterval? Interval { get; init; }

    /// <summary>Whether the verdict judged <see cref="Interval"/> (<c>gate-on: interval</c>) rather than <see cref="Value"/>.</summary>
    public bool JudgedOnInterval { get; init; }

    /// <summary>The <c>fail-below</c> threshold of a <see cref="RuleKind.Threshold"/> rule.</summary>
    public double? FailBelow { get; init; }

    /// <summary>The <c>warn-below</c> threshold of a <see cref="RuleKind.Threshold"/> rule.</summary>
    public double? WarnBelow { get; init; }

    /// <summary>The allowed fall of a <see cref="RuleKind.MaxDrop"/> rule.</summary>
    public double? MaxDrop { get; init; }

    /// <summary>The metric's last recorded value for the same reference version (whole set only), when history has one.</summary>
    public double? Previous { get; init; }

    /// <summary><see cref="Value"/> minus <see cref="Previous"/>: negative when the metric fell.</summary>
    public double? Delta => Previous is { } previous ? Value - previous : null;

    /// <summary>The lowest value a <see cref="RuleKind.MaxDrop"/> rule allows: <see cref="Previous"/> minus <see cref="MaxDrop"/>.</summary>
    public double? Limit => Kind == RuleKind.MaxDrop && Previous is { } previous && MaxDrop is { } drop ? previous - drop : null;

    /// <summary>The finding the rule produced (a failure, warning or notice); <see langword="null"/> for a plain pass.</summary>
    public Finding? Finding { get; init; }

    /// <summary>Whether the rule applied; a max-drop rule without history does not (and never counts as passed).</summary>
    public bool IsApplicable => Verdict.HasValue;

    /// <summary>The metric's display name, e.g. <c>nmi (arithmetic)</c>.</summary>
    public string MetricName => DisplayName(Metric, Average);

    /// <summary>The metric's stable key in <see cref="MetricSet.Entries"/> and history, e.g. <c>nmi_arithmetic</c>.</summary>
    public string MetricKey => KeyOf(Metric, Average);

    internal static string DisplayName(GateMetric metric, AverageMethod? average) => average is { } a
        ? $"{metric.ToName()} ({MetricSet.AverageName(a)})"
        : metric.ToName();

    internal static string KeyOf(GateMetric metric, AverageMethod? average) => metric switch
    {
        GateMetric.Nmi => "nmi_" + MetricSet.AverageName(average ?? AverageMethod.Arithmetic),
        GateMetric.Ami => "ami_" + MetricSet.AverageName(average ?? AverageMethod.Arithmetic),
        GateMetric.VMeasure => "v_measure",
        _ => metric.ToName(),
    };
}
