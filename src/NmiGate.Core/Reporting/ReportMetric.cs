using NmiGate.Core.Gating;

namespace NmiGate.Core.Reporting;

/// <summary>One row of the metrics table.</summary>
/// <param name="Key">Machine key, e.g. <c>nmi_arithmetic</c>, <c>ari</c>, <c>v_measure</c>.</param>
/// <param name="Name">Display name, e.g. <c>nmi (arithmetic)</c>.</param>
/// <param name="Value">The metric on the whole held-out set (NaN when it could not be computed).</param>
/// <param name="Interval">The bootstrap interval, when one was computed.</param>
/// <param name="FailBelow">The configured <c>fail-below</c>, when gated.</param>
/// <param name="WarnBelow">The configured <c>warn-below</c>, when gated.</param>
/// <param name="Delta">Value minus the last recorded value for the same reference version, when history exists.</param>
/// <param name="Verdict">The rule's verdict; null for a metric shown for information only.</param>
public sealed record ReportMetric(
    string Key,
    string Name,
    double Value,
    ReportInterval? Interval,
    double? FailBelow,
    double? WarnBelow,
    double? Delta,
    Verdict? Verdict)
{
    /// <summary>True when a threshold applies to this metric.</summary>
    public bool IsGated => Verdict is not null;

    /// <summary>
    /// The threshold this row is judged against: the broken one when it failed or warned, else the
    /// nearest one above which it holds (warn-below when set).
    /// </summary>
    public double? DecisiveThreshold => Verdict switch
    {
        Gating.Verdict.Fail => FailBelow ?? WarnBelow,
        Gating.Verdict.Warn => WarnBelow ?? FailBelow,
        _ => WarnBelow ?? FailBelow,
    };

    /// <summary>The decisive threshold's name: <c>fail-below</c> or <c>warn-below</c>.</summary>
    public string? DecisiveThresholdName => DecisiveThreshold is null
        ? null
        : Verdict == Gating.Verdict.Fail
            ? (FailBelow is not null ? "fail-below" : "warn-below")
            : (WarnBelow is not null ? "warn-below" : "fail-below");
}
