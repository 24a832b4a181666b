using System.Globalization;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Gating;

/// <summary>The outcome of one gate check: what was compared, every metric, every rule and the verdict.</summary>
/// <param name="GateName">The gate's <c>name</c>.</param>
/// <param name="ReferenceVersion">The registry version compared with (<c>v3</c>).</param>
/// <param name="RowCount">Rows aligned by id between the reference and the candidate.</param>
/// <param name="Metrics">Every metric of the aligned partitions.</param>
/// <param name="Table">The contingency table (reference clusters by candidate clusters).</param>
/// <param name="Rules">One outcome per configured threshold, in configuration order.</param>
/// <param name="Verdict">The gate's verdict (the worst rule; with fail-on-warn a warning fails).</param>
/// <param name="FailedOnWarn">True when the verdict is <see cref="Verdict.Fail"/> only because fail-on-warn turned a warning into a failure.</param>
/// <param name="ScoringElapsed">How long scoring the held-out set took.</param>
public sealed record GateResult(
    string GateName,
    string ReferenceVersion,
    long RowCount,
    MetricSet Metrics,
    ContingencyTable Table,
    IReadOnlyList<RuleOutcome> Rules,
    Verdict Verdict,
    bool FailedOnWarn,
    TimeSpan ScoringElapsed)
{
    /// <summary>The verdict as every host prints it: <c>PASS</c>, <c>WARN</c> or <c>FAIL</c>.</summary>
    public static string VerdictWord(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "PASS",
        Verdict.Warn => "WARN",
        Verdict.Fail => "FAIL",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Not a verdict."),
    };

    /// <summary>The one-line summary hosts end with, e.g. <c>Gate 'segments' FAIL: 1 of 2 rules failed against reference v3 (300 rows).</c></summary>
    public string Summary
    {
        get
        {
            var failed = Rules.Count(r => r.Verdict == Verdict.Fail);
            var warned = Rules.Count(r => r.Verdict == Verdict.Warn);
            var detail = Rules.Count == 0
                ? "no threshold was checked"
                : Verdict switch
                {
                    Verdict.Pass => Rules.Count == 1 ? "the rule holds" : $"all {Rules.Count} rules hold",
                    Verdict.Warn => $"{warned} of {Rules.Count} rules warned",
                    _ when FailedOnWarn => $"{warned} of {Rules.Count} rules warned and fail-on-warn is set",
                    _ => $"{failed} of {Rules.Count} rules failed" + (warned > 0 ? $", {warned} warned" : string.Empty),
                };
            return string.Create(CultureInfo.InvariantCulture, $"Gate '{GateName}' {VerdictWord(Verdict)}: {detail} against reference {ReferenceVersion} ({RowCount} rows).");
        }
    }
}
