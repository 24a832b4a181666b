using System.Globalization;
using NmiGate.Core.Configuration;
using NmiGate.Core.Diagnostics;
using NmiGate.Core.Diff;
using NmiGate.Core.Metrics;
using NmiGate.Core.Partitions;

namespace NmiGate.Core.Gating;

/// <summary>The outcome of one gate check: what was compared, every metric, every rule, every finding and the verdict.</summary>
/// <param name="GateName">The gate's <c>name</c>.</param>
/// <param name="ReferenceVersion">The registry version compared with (<c>v3</c>).</param>
/// <param name="RowCount">Rows aligned by id between the reference and the candidate.</param>
/// <param name="Metrics">Every metric of the aligned partitions.</param>
/// <param name="Table">The contingency table (reference clusters by candidate clusters).</param>
/// <param name="Rules">The whole set's rule outcomes: thresholds in configuration order, then max-drops. Slice rules are in <see cref="Slices"/>.</param>
/// <param name="Verdict">The gate's verdict (the worst finding; with fail-on-warn a warning fails).</param>
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
    /// <summary>The <c>nmigate.yml</c> the gate was configured by; <see cref="Finding.Format"/> falls back to it for values without a file position.</summary>
    public string ConfigurationFile { get; init; } = string.Empty;

    /// <summary>Every finding (failures, warnings, notices), whole set first, then slices; the verdict is the worst of them.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>Every slice of every <c>slices</c> item: judged, or too small.</summary>
    public IReadOnlyList<SliceResult> Slices { get; init; } = [];

    /// <summary>The <c>confidence</c> settings the intervals were computed with; null when not configured.</summary>
    public ConfidenceOptions? Confidence { get; init; }

    /// <summary>The whole set's bootstrap interval of every gated metric, by metric key (<c>nmi_arithmetic</c>).</summary>
    public IReadOnlyDictionary<string, ConfidenceInterval> Intervals { get; init; } = new Dictionary<string, ConfidenceInterval>();

    /// <summary>The last result recorded in the gate's history for <see cref="ReferenceVersion"/>, when any.</summary>
    public HistoryRecord? PreviousRecord { get; init; }

    /// <summary>What the result was computed from: hashes, reference version, commit, time, tool version, seed.</summary>
    public GateProvenance? Provenance { get; init; }

    /// <summary>The <c>report</c> settings of the gate (charts); null when not configured.</summary>
    public ReportOptions? Report { get; init; }

    /// <summary>
    /// The rows aligned by id, kept only when the check was asked to (<see cref="GateCheckOptions.KeepRows"/>)
    /// so a report can sample moved ids; null otherwise.
    /// </summary>
    public AlignedPartitions? Aligned { get; init; }

    /// <summary>
    /// Draws moved-id samples from the hash join (<see cref="GateCheckOptions.SampleMovedIds"/>):
    /// (diff, per cluster, seed) → samples; null when the check was not asked to, or kept its rows.
    /// </summary>
    internal Func<ClusterDiff, int, ulong, IReadOnlyList<MovedIdSample>>? MovedIdSampler { get; init; }

    /// <summary>The history file the result was appended to (<c>--record</c>); null when not recorded.</summary>
    public string? RecordedTo { get; init; }

    /// <summary>
    /// False when the gate could not evaluate (no rows, a NaN metric, no rule judged): the verdict is then
    /// <see cref="Verdict.Fail"/>, and hosts exit with <see cref="ExitCode.CouldNotEvaluate"/>.
    /// </summary>
    public bool IsEvaluated => !Findings.Any(f => f.IsCannotEvaluate);

    /// <summary>Every rule outcome: the whole set's, then each slice's.</summary>
    public IEnumerable<RuleOutcome> AllRules => Rules.Concat(Slices.SelectMany(s => s.Rules));

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
            var applicable = AllRules.Where(r => r.IsApplicable).ToList();
            var failed = applicable.Count(r => r.Verdict == Verdict.Fail);
            var warned = applicable.Count(r => r.Verdict == Verdict.Warn);
            var count = applicable.Count;
            var notApplicable = AllRules.Count() - count;
            var tooSmall = Slices.Count(s => s.IsTooSmall);
            string detail;
            if (!IsEvaluated)
            {
                detail = $"could not evaluate ({string.Join(", ", Findings.Where(f => f.IsCannotEvaluate).Select(f => f.Code.ToCodeString()).Distinct())})";
            }
            else
            {
                detail = Verdict switch
                {
                    Verdict.Pass => count == 1 ? "the rule holds" : $"all {count} rules hold",
                    Verdict.Warn => warned > 0 ? $"{warned} of {count} rules warned" : $"all {count} rules hold",
                    _ when FailedOnWarn => (warned > 0 ? $"{warned} of {count} rules warned" : "the gate warned") + " and fail-on-warn is set",
                    _ => $"{failed} of {count} rules failed" + (warned > 0 ? $", {warned} warned" : string.Empty),
                };
            }

            var extras = new List<string>();
            if (tooSmall > 0)
            {
                extras.Add(tooSmall == 1 ? "1 slice too small" : $"{tooSmall} slices too small");
            }

            if (notApplicable > 0)
            {
                extras.Add($"{notApplicable} not applicable");
            }

            var extra = extras.Count > 0 ? $" ({string.Join(", ", extras)})" : string.Empty;
            return string.Create(CultureInfo.InvariantCulture, $"Gate '{GateName}' {VerdictWord(Verdict)}: {detail}{extra} against reference {ReferenceVersion} ({RowCount} rows).");
        }
    }
}
