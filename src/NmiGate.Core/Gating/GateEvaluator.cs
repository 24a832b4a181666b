using System.Globalization;
using NmiGate.Core.Configuration;
using NmiGate.Core.Diagnostics;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Gating;

/// <summary>
/// Turns counted tables into rule outcomes, findings and a verdict: thresholds on the point value or on the
/// whole bootstrap interval, maximum drops against the last recorded result, and the same thresholds per
/// slice. Pure: no I/O, so every verdict path is testable on hand-made tables.
/// </summary>
internal static class GateEvaluator
{
    // prev − drop is computed in floating point: 0.90 − 0.05 is 0.8500000000000001, which would fail an
    // unchanged 0.85. A drop counts only when it exceeds the allowance by more than rounding.
    private const double DropTolerance = 1e-12;

    public static GateEvaluation Evaluate(
        GateOptions options, string referenceVersion, ContingencyTable table, IReadOnlyList<SliceTable> slices, HistoryRecord? previous)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(slices);
        var context = new Context(options, referenceVersion);
        var rules = new List<RuleOutcome>();
        var findings = new List<Finding>();
        MetricSet? metrics = null;
        var intervals = new Dictionary<string, ConfidenceInterval>(StringComparer.Ordinal);
        if (table.RowCount == 0)
        {
            findings.Add(new Finding(
                DiagnosticCode.NoRowsToEvaluate,
                FindingSeverity.Error,
                $"no rows were compared with reference {referenceVersion}; the gate cannot evaluate an empty set. Check that the held-out data has rows and that their ids match the reference.",
                options.Data.Path.Source));
        }
        else
        {
            metrics = MetricSet.From(table);
            var gated = options.Thresholds.Metrics.Values.Select(t => (t.Metric, AverageOf(t)))
                .Concat(options.Thresholds.MaxDrop.Keys.Select(m => (m, MaxDropAverage(options.Thresholds, m))));
            intervals = Intervals(table, gated, options.Confidence);
            foreach (var threshold in options.Thresholds.Metrics.Values)
            {
                var average = AverageOf(threshold);
                var value = ValueOf(metrics, threshold.Metric, average);
                var key = RuleOutcome.KeyOf(threshold.Metric, average);
                var rule = context.Threshold(threshold, average, null, value, Lookup(intervals, key), null) with { Previous = PreviousValue(previous, key) };
                rules.Add(rule);
            }

            foreach (var (metric, drop) in options.Thresholds.MaxDrop)
            {
                var average = MaxDropAverage(options.Thresholds, metric);
                var key = RuleOutcome.KeyOf(metric, average);
                rules.Add(context.MaxDrop(metric, average, drop, ValueOf(metrics, metric, average), Lookup(intervals, key), previous, PreviousValue(previous, key)));
            }

            findings.AddRange(rules.Select(r => r.Finding).OfType<Finding>());
        }

        var sliceResults = new List<SliceResult>();
        foreach (var slice in slices)
        {
            var result = context.Slice(slice);
            sliceResults.Add(result.Result);
            findings.AddRange(result.Findings);
        }

        var judged = rules.Any(r => r.IsApplicable) || sliceResults.Any(s => s.Rules.Any(r => r.IsApplicable));
        if (!judged && !findings.Any(f => f.IsCannotEvaluate))
        {
            findings.Add(new Finding(DiagnosticCode.NoRuleEvaluated, FindingSeverity.Error, NoRuleMessage(options, referenceVersion), options.Thresholds.Metrics.Values.FirstOrDefault()?.Source ?? options.Name.Source));
        }

        var verdict = findings.Count == 0 ? Verdict.Pass : findings.Max(f => f.Severity) switch
        {
            FindingSeverity.Error => Verdict.Fail,
            FindingSeverity.Warning => Verdict.Warn,
            _ => Verdict.Pass,
        };
        return new GateEvaluation(metrics, rules, sliceResults, findings, intervals, verdict);
    }

    /// <summary>The value of a gate metric in a metric set.</summary>
    public static double ValueOf(MetricSet metrics, GateMetric metric, AverageMethod? average)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metric switch
        {
            GateMetric.Nmi => metrics.Nmi(average ?? AverageMethod.Arithmetic),
            GateMetric.Ami => metrics.Ami(average ?? AverageMethod.Arithmetic),
            GateMetric.Ari => metrics.AdjustedRandIndex,
            GateMetric.Rand => metrics.RandIndex,
            GateMetric.Homogeneity => metrics.Homogeneity,
            GateMetric.Completeness => metrics.Completeness,
            GateMetric.VMeasure => metrics.VMeasure,
            GateMetric.Fmi => metrics.FowlkesMallows,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a gate metric."),
        };
    }

    // Named metrics take the bootstrap's fast path (a few sums per replicate, no resampled table).
    private static BootstrapMetric FunctionOf(GateMetric metric, AverageMethod? average) => metric switch
    {
        GateMetric.Nmi => new(BootstrapMetricKind.NormalizedMutualInformation, average ?? AverageMethod.Arithmetic),
        GateMetric.Ami => new(BootstrapMetricKind.AdjustedMutualInformation, average ?? AverageMethod.Arithmetic),
        GateMetric.Ari => new(BootstrapMetricKind.AdjustedRandIndex),
        GateMetric.Rand => new(BootstrapMetricKind.RandIndex),
        GateMetric.Homogeneity => new(BootstrapMetricKind.Homogeneity),
        GateMetric.Completeness => new(BootstrapMetricKind.Completeness),
        GateMetric.VMeasure => new(BootstrapMetricKind.VMeasure),
        GateMetric.Fmi => new(BootstrapMetricKind.FowlkesMallows),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a gate metric."),
    };

    /// <summary>
    /// One seeded bootstrap for every gated metric of a table (the replicates are shared, so the
    /// intervals are comparable and sampling is paid once). A metric whose replicates are NaN gets no
    /// interval; its rule is then judged on the value.
    /// </summary>
    private static Dictionary<string, ConfidenceInterval> Intervals(
        ContingencyTable table, IEnumerable<(GateMetric Metric, AverageMethod? Average)> gated, ConfidenceOptions? confidence)
    {
        var result = new Dictionary<string, ConfidenceInterval>(StringComparer.Ordinal);
        if (confidence is null || table.RowCount == 0)
        {
            return result;
        }

        var distinct = gated.DistinctBy(g => RuleOutcome.KeyOf(g.Metric, g.Average)).ToList();
        if (distinct.Count == 0)
        {
            return result;
        }

        var (resamples, level, seed) = (confidence.Resamples.Value, confidence.Level.Value, confidence.Seed.Value);
        try
        {
            var intervals = Bootstrap.Intervals(table, [.. distinct.Select(g => FunctionOf(g.Metric, g.Average))], resamples, level, seed);
            for (var i = 0; i < distinct.Count; i++)
            {
                result[RuleOutcome.KeyOf(distinct[i].Metric, distinct[i].Average)] = intervals[i];
            }
        }
        catch (InvalidOperationException)
        {
            // Some metric is NaN on the table or a replicate: keep the intervals of the others.
            foreach (var (metric, average) in distinct)
            {
                try
                {
                    result[RuleOutcome.KeyOf(metric, average)] = Bootstrap.Intervals(table, [FunctionOf(metric, average)], resamples, level, seed)[0];
                }
                catch (InvalidOperationException)
                {
                }
            }
        }

        return result;
    }

    private static ConfidenceInterval? Lookup(Dictionary<string, ConfidenceInterval> intervals, string key) =>
        intervals.TryGetValue(key, out var interval) ? interval : null;

    private static double? PreviousValue(HistoryRecord? previous, string key) =>
        previous is not null && previous.Metrics.TryGetValue(key, out var value) && value is { } v && double.IsFinite(v) ? v : null;

    private static AverageMethod? AverageOf(MetricThreshold threshold) =>
        threshold.Metric.TakesAverage() ? threshold.Average?.Value ?? AverageMethod.Arithmetic : null;

    /// <summary>A max-drop on NMI or AMI uses the normalisation its threshold declares, arithmetic otherwise.</summary>
    private static AverageMethod? MaxDropAverage(ThresholdOptions thresholds, GateMetric metric) =>
        !metric.TakesAverage() ? null : thresholds[metric] is { } threshold ? AverageOf(threshold) : AverageMethod.Arithmetic;

    private static string NoRuleMessage(GateOptions options, string referenceVersion)
    {
        if (!options.Thresholds.HasRules && options.Slices.All(s => s.Thresholds.Metrics.Count == 0))
        {
            return "no rule is configured: the gate would pass vacuously. Add a threshold such as `thresholds: { nmi: { fail-below: 0.8 } }` to nmigate.yml.";
        }

        return $"no configured rule could be judged against reference {referenceVersion} (max-drop rules have no recorded result, slices are under min-rows): the gate would pass vacuously. Add a threshold, or record a result with `nmigate check --record`.";
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>The words and decisions shared by every rule of one check.</summary>
    internal sealed class Context(GateOptions options, string referenceVersion)
    {
        private readonly bool onInterval = options.Confidence?.GateOn.Value == GateOn.Interval;

        public (SliceResult Result, IReadOnlyList<Finding> Findings) Slice(SliceTable slice)
        {
            var name = SliceResult.SliceName(slice.Options.Column.Value, slice.Value);
            var minRows = slice.Options.MinRows.Value;
            if (slice.Table is null || slice.RowCount < minRows)
            {
                var tooSmall = new Finding(
                    DiagnosticCode.SliceTooSmall,
                    FindingSeverity.Warning,
                    string.Create(CultureInfo.InvariantCulture, $"slice {name} has {slice.RowCount} rows, under min-rows {minRows}; its rules were not judged against reference {referenceVersion}. Add held-out rows for it or lower `min-rows`."),
                    slice.Options.Column.Source);
                return (new SliceResult(slice.Options.Column.Value, slice.Value, slice.RowCount, minRows, null, [], slice.Options.Column.Source), [tooSmall]);
            }

            var metrics = MetricSet.From(slice.Table);
            var thresholds = slice.Options.Thresholds.Metrics.Values;
            var intervals = Intervals(slice.Table, thresholds.Select(t => (t.Metric, AverageOf(t))), options.Confidence);
            var rules = new List<RuleOutcome>();
            foreach (var threshold in thresholds)
            {
                var average = AverageOf(threshold);
                rules.Add(Threshold(threshold, average, name, ValueOf(metrics, threshold.Metric, average), Lookup(intervals, RuleOutcome.KeyOf(threshold.Metric, average)), slice.RowCount));
            }

            return (
                new SliceResult(slice.Options.Column.Value, slice.Value, slice.RowCount, minRows, metrics, rules, slice.Options.Column.Source),
                [.. rules.Select(r => r.Finding).OfType<Finding>()]);
        }

        public RuleOutcome Threshold(MetricThreshold threshold, AverageMethod? average, string? slice, double value, ConfidenceInterval? interval, long? rows)
        {
            var name = RuleOutcome.DisplayName(threshold.Metric, average);
            var prefix = slice is null ? string.Empty : $"slice {slice}: ";
            var against = $"against reference {referenceVersion}";
            var judgeInterval = onInterval && interval is not null;
            var outcome = new RuleOutcome(RuleKind.Threshold, threshold.Metric, average, slice, value, Verdict.Pass, string.Empty, threshold.Source)
            {
                Interval = interval,
                JudgedOnInterval = judgeInterval,
                FailBelow = threshold.FailBelow?.Value,
                WarnBelow = threshold.WarnBelow?.Value,
            };

            if (double.IsNaN(value))
            {
                var rowsText = rows is { } n ? string.Create(CultureInfo.InvariantCulture, $" on {n} rows") : string.Empty;
                return Judged(outcome, Verdict.Fail, DiagnosticCode.MetricNotANumber, FindingSeverity.Error, threshold.Source, $"{prefix}{name} could not be computed (NaN){rowsText} {against}; the gate cannot evaluate it.");
            }

            var stated = $"{prefix}{name} = {F(value)}{IntervalText(interval)}";
            var (failCode, warnCode) = slice is null
                ? (DiagnosticCode.ThresholdFailed, DiagnosticCode.ThresholdWarned)
                : (DiagnosticCode.SliceThresholdFailed, DiagnosticCode.SliceThresholdWarned);
            var fallback = onInterval && interval is null ? " (no interval could be computed, so the value was judged)" : string.Empty;

            if (threshold.FailBelow is { } fail)
            {
                switch (Position(value, interval, judgeInterval, fail.Value))
                {
                    case Side.Below:
                        return Judged(outcome, Verdict.Fail, failCode, FindingSeverity.Error, fail.Source, judgeInterval
                            ? $"{stated}: the whole interval is below fail-below {F(fail.Value)} {against}."
                            : $"{stated} is below fail-below {F(fail.Value)} {against}{fallback}.");
                    case Side.Straddles:
                        return Judged(outcome, Verdict.Warn, DiagnosticCode.IntervalStraddlesFailBelow, FindingSeverity.Warning, fail.Source,
                            $"{stated}: the interval straddles fail-below {F(fail.Value)} {against}; the data cannot tell a pass from a failure (more rows narrow the interval).");
                }
            }

            if (threshold.WarnBelow is { } warn)
            {
                switch (Position(value, interval, judgeInterval, warn.Value))
                {
                    case Side.Below:
                        return Judged(outcome, Verdict.Warn, warnCode, FindingSeverity.Warning, warn.Source, judgeInterval
                            ? $"{stated}: the whole interval is below warn-below {F(warn.Value)} {against}."
                            : $"{stated} is below warn-below {F(warn.Value)} {against}{fallback}.");
                    case Side.Straddles:
                        return Judged(outcome, Verdict.Pass, DiagnosticCode.IntervalStraddlesWarnBelow, FindingSeverity.Notice, warn.Source,
                            $"{stated}: the interval straddles warn-below {F(warn.Value)} {against}; the rule passes, but the metric may be below it.");
                }
            }

            var limits = string.Join(", ", new[]
            {
                threshold.FailBelow is { } f ? $"fail-below {F(f.Value)}" : null,
                threshold.WarnBelow is { } w ? $"warn-below {F(w.Value)}" : null,
            }.OfType<string>());
            var whole = judgeInterval ? ", the whole interval above" : string.Empty;
            return outcome with { Message = $"{stated} holds ({limits}{whole}) {against}." };
        }

        public RuleOutcome MaxDrop(GateMetric metric, AverageMethod? average, Sourced<double> drop, double value, ConfidenceInterval? interval, HistoryRecord? previousRecord, double? previous)
        {
            var name = RuleOutcome.DisplayName(metric, average);
            var against = $"against reference {referenceVersion}";
            var judgeInterval = onInterval && interval is not null;
            var outcome = new RuleOutcome(RuleKind.MaxDrop, metric, average, null, value, Verdict.Pass, string.Empty, drop.Source)
            {
                Interval = interval,
                JudgedOnInterval = judgeInterval,
                MaxDrop = drop.Value,
                Previous = previous,
            };

            var stated = $"{name} = {F(value)}{IntervalText(interval)}";
            if (previous is not { } last)
            {
                var why = previousRecord is null
                    ? $"no result is recorded for reference {referenceVersion}"
                    : $"the last result recorded for reference {referenceVersion} ({previousRecord.Time.ToString("u", CultureInfo.InvariantCulture)}) has no {name}";
                return Judged(outcome, null, DiagnosticCode.MaxDropNotApplicable, FindingSeverity.Notice, drop.Source,
                    $"max-drop {F(drop.Value)} on {name} does not apply: {why}. Record one with `nmigate check --record` (typically on the main branch).");
            }

            if (double.IsNaN(value))
            {
                return Judged(outcome, Verdict.Fail, DiagnosticCode.MetricNotANumber, FindingSeverity.Error, drop.Source, $"{name} could not be computed (NaN) {against}; the gate cannot evaluate it.");
            }

            var limit = last - drop.Value - DropTolerance;
            var fell = $"{stated} fell {F(last - value)} from the last recorded {F(last)} (max-drop {F(drop.Value)}) {against}";
            switch (Position(value, interval, judgeInterval, limit))
            {
                case Side.Below:
                    return Judged(outcome, Verdict.Fail, DiagnosticCode.MaxDropExceeded, FindingSeverity.Error, drop.Source, judgeInterval
                        ? $"{fell}; the whole interval is below {F(last - drop.Value)}."
                        : $"{fell}; more than allowed.");
                case Side.Straddles:
                    return Judged(outcome, Verdict.Warn, DiagnosticCode.MaxDropStraddles, FindingSeverity.Warning, drop.Source,
                        $"{fell}; the interval straddles the lowest allowed value {F(last - drop.Value)}.");
                default:
                    return outcome with { Message = $"{stated} is within max-drop {F(drop.Value)} of the last recorded {F(last)} {against}." };
            }
        }

        private static RuleOutcome Judged(RuleOutcome outcome, Verdict? verdict, DiagnosticCode code, FindingSeverity severity, ValueSource at, string message) =>
            outcome with { Verdict = verdict, Message = message, Finding = new Finding(code, severity, message, at) };

        /// <summary>Where the value (or the whole interval, when judged on it) lies relative to a threshold.</summary>
        private static Side Position(double value, ConfidenceInterval? interval, bool judgeInterval, double threshold)
        {
            if (judgeInterval && interval is { } ci)
            {
                // On sparse tables (many cells of one or two rows) resampling inflates mutual
                // information, and the percentile interval can lie wholly above the point value.
                // Judge the interval stretched to the point, so a rule never passes on its interval
                // while the observed value breaks the threshold (nor fails while it holds).
                var lower = Math.Min(ci.Lower, value);
                var upper = Math.Max(ci.Upper, value);
                return upper < threshold ? Side.Below : lower < threshold ? Side.Straddles : Side.Above;
            }

            return value < threshold ? Side.Below : Side.Above;
        }

        private static string IntervalText(ConfidenceInterval? interval) => interval is { } ci
            ? string.Create(CultureInfo.InvariantCulture, $" ({ci.Level * 100:0.#}% interval {F(ci.Lower)} to {F(ci.Upper)})")
            : string.Empty;
    }

    private enum Side
    {
        Above,
        Straddles,
        Below,
    }
}
