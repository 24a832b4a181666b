using System.Collections.ObjectModel;
using System.Globalization;
using NmiGate.Core.Configuration;
using NmiGate.Core.Diagnostics;
using NmiGate.Core.Gating;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Tests.Gating;

/// <summary>Every verdict path of <see cref="GateEvaluator"/> on hand-made tables: thresholds, intervals, max-drop, slices, cannot-evaluate.</summary>
public sealed class GateEvaluatorTests
{
    private const string Config = "/repo/nmigate.yml";
    private const ulong Seed = 7;
    private const int Resamples = 300;

    // 240 rows in 4 reference clusters; every 7th row moved to the next cluster: NMI well inside (0, 1),
    // with a bootstrap interval of visible width.
    private static readonly ContingencyTable Noisy = Table(240, 4, moveEvery: 7);
    private static readonly double NoisyNmi = Noisy.NormalizedMutualInformation();
    private static readonly ConfidenceInterval NoisyInterval =
        Bootstrap.Intervals(Noisy, [new BootstrapMetric(BootstrapMetricKind.NormalizedMutualInformation)], Resamples, 0.95, Seed)[0];

    [Theory]
    [InlineData(-0.2, -0.1, Verdict.Pass, null)]
    [InlineData(-0.2, +0.1, Verdict.Warn, DiagnosticCode.ThresholdWarned)]
    [InlineData(+0.1, +0.2, Verdict.Fail, DiagnosticCode.ThresholdFailed)]
    public void Point_thresholds_pass_warn_or_fail_with_their_own_codes(double failOffset, double warnOffset, Verdict expected, DiagnosticCode? code)
    {
        var options = Options(Thresholds(Rule(GateMetric.Nmi, NoisyNmi + failOffset, NoisyNmi + warnOffset)));

        var evaluation = GateEvaluator.Evaluate(options, "v3", Noisy, [], null);

        var rule = Assert.Single(evaluation.Rules);
        Assert.Equal(expected, rule.Verdict);
        Assert.Equal(expected, evaluation.Verdict);
        Assert.Equal(NoisyNmi, rule.Value);
        Assert.Equal(code, rule.Finding?.Code);
        Assert.Contains(F(NoisyNmi), rule.Message, StringComparison.Ordinal);
        Assert.Contains("reference v3", rule.Message, StringComparison.Ordinal);
        Assert.Null(rule.Interval);
        if (code is not null)
        {
            var finding = Assert.Single(evaluation.Findings);
            Assert.Contains(F(NoisyNmi + (expected == Verdict.Fail ? failOffset : warnOffset)), finding.Message, StringComparison.Ordinal);

            // The finding points at the threshold key that decided it (fail-below at column 20, warn-below at 40).
            Assert.Equal(expected == Verdict.Fail ? 20 : 40, finding.Location.Column);
        }
    }

    [Fact]
    public void Gate_on_interval_fails_only_when_the_whole_interval_is_below_fail_below()
    {
        var (lower, upper) = (NoisyInterval.Lower, NoisyInterval.Upper);
        Assert.True(upper - lower > 0.01, "the test table must give an interval of visible width");
        var middle = (lower + upper) / 2;

        var below = Single(Rule(GateMetric.Nmi, upper + 0.001, null), GateOn.Interval);
        var straddles = Single(Rule(GateMetric.Nmi, middle, null), GateOn.Interval);
        var above = Single(Rule(GateMetric.Nmi, lower - 0.001, null), GateOn.Interval);

        Assert.Equal((Verdict.Fail, DiagnosticCode.ThresholdFailed), (below.Verdict, below.Finding?.Code));
        Assert.Contains("the whole interval is below fail-below", below.Message, StringComparison.Ordinal);
        Assert.Equal((Verdict.Warn, DiagnosticCode.IntervalStraddlesFailBelow), (straddles.Verdict, straddles.Finding?.Code));
        Assert.Equal(FindingSeverity.Warning, straddles.Finding!.Severity);
        Assert.Contains(F(lower) + " to " + F(upper), straddles.Message, StringComparison.Ordinal);
        Assert.Equal(Verdict.Pass, above.Verdict);
        Assert.Null(above.Finding);
        Assert.All(new[] { below, straddles, above }, r => Assert.True(r.JudgedOnInterval));
        Assert.Equal(NoisyInterval, above.Interval);
    }

    [Fact]
    public void Gate_on_interval_never_passes_a_rule_whose_point_value_breaks_it()
    {
        // 300 rows spread over 30 × 30 clusters at random: nearly every cell holds one row, and
        // resampling inflates mutual information, so the percentile interval lies above the value.
        var random = new Random(3);
        var sparse = ContingencyTable.FromLabels(
            Enumerable.Range(0, 300).Select(i => (i % 30).ToString(CultureInfo.InvariantCulture)).ToArray(),
            Enumerable.Range(0, 300).Select(_ => random.Next(30).ToString(CultureInfo.InvariantCulture)).ToArray());
        var value = sparse.NormalizedMutualInformation();
        var interval = Bootstrap.Interval(sparse, t => t.NormalizedMutualInformation(), Resamples, 0.95, Seed);
        Assert.True(interval.Lower > value + 0.002, $"precondition: interval {interval.Lower}..{interval.Upper} above the value {value}");
        var threshold = (value + interval.Lower) / 2;

        var rule = Assert.Single(GateEvaluator.Evaluate(Options(Thresholds(Rule(GateMetric.Nmi, threshold, null)), Confidence(GateOn.Interval)), "v1", sparse, [], null).Rules);

        Assert.Equal((Verdict.Warn, DiagnosticCode.IntervalStraddlesFailBelow), (rule.Verdict, rule.Finding?.Code));
    }

    [Fact]
    public void Gate_on_interval_warns_below_warn_below_and_only_notes_a_straddle_of_it()
    {
        var (lower, upper) = (NoisyInterval.Lower, NoisyInterval.Upper);

        var below = Single(Rule(GateMetric.Nmi, lower - 0.2, upper + 0.001), GateOn.Interval);
        var straddles = Single(Rule(GateMetric.Nmi, lower - 0.2, (lower + upper) / 2), GateOn.Interval);

        Assert.Equal((Verdict.Warn, DiagnosticCode.ThresholdWarned), (below.Verdict, below.Finding?.Code));
        Assert.Equal((Verdict.Pass, DiagnosticCode.IntervalStraddlesWarnBelow, FindingSeverity.Notice), (straddles.Verdict, straddles.Finding?.Code, straddles.Finding?.Severity));
        var evaluation = GateEvaluator.Evaluate(Options(Thresholds(Rule(GateMetric.Nmi, lower - 0.2, (lower + upper) / 2)), Confidence(GateOn.Interval)), "v1", Noisy, [], null);
        Assert.Equal(Verdict.Pass, evaluation.Verdict);
        Assert.Single(evaluation.Findings);
    }

    [Fact]
    public void Gate_on_point_judges_the_value_and_still_reports_the_seeded_interval()
    {
        // A fail-below inside the interval but under the value: the point verdict passes.
        var threshold = (NoisyInterval.Lower + NoisyNmi) / 2;
        Assert.True(threshold > NoisyInterval.Lower && threshold < NoisyNmi);

        var first = Single(Rule(GateMetric.Nmi, threshold, null), GateOn.Point);
        var again = Single(Rule(GateMetric.Nmi, threshold, null), GateOn.Point);

        Assert.Equal(Verdict.Pass, first.Verdict);
        Assert.False(first.JudgedOnInterval);
        Assert.Equal(NoisyInterval, first.Interval);
        Assert.Equal(first.Interval, again.Interval);
        Assert.Contains("95% interval", first.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_drop_without_history_is_not_applicable_never_passed_and_alone_cannot_evaluate()
    {
        var options = Options(Thresholds() with { MaxDrop = Drops((GateMetric.Nmi, 0.05)) });

        var evaluation = GateEvaluator.Evaluate(options, "v2", Noisy, [], previous: null);

        var rule = Assert.Single(evaluation.Rules);
        Assert.Equal(RuleKind.MaxDrop, rule.Kind);
        Assert.Null(rule.Verdict);
        Assert.False(rule.IsApplicable);
        Assert.Equal((DiagnosticCode.MaxDropNotApplicable, FindingSeverity.Notice), (rule.Finding!.Code, rule.Finding.Severity));
        Assert.Contains("no result is recorded for reference v2", rule.Message, StringComparison.Ordinal);

        // Nothing was judged: the gate cannot pass vacuously.
        Assert.Equal(Verdict.Fail, evaluation.Verdict);
        Assert.Contains(evaluation.Findings, f => f.Code == DiagnosticCode.NoRuleEvaluated && f.IsCannotEvaluate);
    }

    [Fact]
    public void Max_drop_fails_when_the_metric_fell_more_than_allowed_and_passes_within_it()
    {
        var options = Options(Thresholds(Rule(GateMetric.Nmi, 0.01, null)) with { MaxDrop = Drops((GateMetric.Nmi, 0.05)) });

        var fell = GateEvaluator.Evaluate(options, "v1", Noisy, [], History("v1", NoisyNmi + 0.08));
        var within = GateEvaluator.Evaluate(options, "v1", Noisy, [], History("v1", NoisyNmi + 0.03));
        var exactly = GateEvaluator.Evaluate(options, "v1", Noisy, [], History("v1", NoisyNmi + 0.05));

        var drop = fell.Rules[1];
        Assert.Equal((Verdict.Fail, DiagnosticCode.MaxDropExceeded), (drop.Verdict, drop.Finding?.Code));
        Assert.Equal(NoisyNmi + 0.08, drop.Previous);
        Assert.Equal(-0.08, drop.Delta!.Value, 12);
        Assert.Equal(NoisyNmi + 0.03, drop.Limit!.Value, 12);
        Assert.Contains("fell 0.0800 from the last recorded " + F(NoisyNmi + 0.08), drop.Message, StringComparison.Ordinal);
        Assert.Equal(Verdict.Fail, fell.Verdict);
        Assert.Equal(NoisyNmi + 0.08, fell.Rules[0].Previous);
        Assert.Equal(Verdict.Pass, within.Rules[1].Verdict);
        Assert.Equal(Verdict.Pass, within.Verdict);
        Assert.Equal(Verdict.Pass, exactly.Rules[1].Verdict);
    }

    [Fact]
    public void Max_drop_on_interval_warns_when_the_interval_straddles_the_lowest_allowed_value()
    {
        var options = Options(Thresholds() with { MaxDrop = Drops((GateMetric.Nmi, 0.05)) }, Confidence(GateOn.Interval));
        var previous = ((NoisyInterval.Lower + NoisyInterval.Upper) / 2) + 0.05;

        var evaluation = GateEvaluator.Evaluate(options, "v1", Noisy, [], History("v1", previous));

        var rule = Assert.Single(evaluation.Rules);
        Assert.Equal((Verdict.Warn, DiagnosticCode.MaxDropStraddles), (rule.Verdict, rule.Finding?.Code));
        Assert.Equal(Verdict.Warn, evaluation.Verdict);
    }

    [Fact]
    public void A_slice_under_min_rows_is_a_warning_and_is_reported_not_skipped()
    {
        var slice = Slice("region", minRows: 50, Rule(GateMetric.Nmi, 0.1, null));
        var options = Options(Thresholds(Rule(GateMetric.Nmi, 0.01, null)), slices: [slice]);

        var evaluation = GateEvaluator.Evaluate(options, "v1", Noisy, [new SliceTable(slice, "north", 12, null), new SliceTable(slice, "south", 228, Table(228, 4, moveEvery: 9))], null);

        Assert.Equal(2, evaluation.Slices.Count);
        var small = evaluation.Slices[0];
        Assert.True(small.IsTooSmall);
        Assert.Equal("region=north", small.Name);
        Assert.Null(small.Metrics);
        var finding = Assert.Single(evaluation.Findings);
        Assert.Equal((DiagnosticCode.SliceTooSmall, FindingSeverity.Warning), (finding.Code, finding.Severity));
        Assert.Contains("region=north has 12 rows, under min-rows 50", finding.Message, StringComparison.Ordinal);
        Assert.Equal(slice.Column.Source, finding.Location);
        Assert.Equal(Verdict.Pass, Assert.Single(evaluation.Slices[1].Rules).Verdict);
        Assert.Equal(Verdict.Warn, evaluation.Verdict);
    }

    [Fact]
    public void Slice_rules_fail_and_warn_with_codes_of_their_own()
    {
        var sliceTable = Table(120, 4, moveEvery: 3);
        var nmi = sliceTable.NormalizedMutualInformation();
        var failing = Slice("region", minRows: 10, Rule(GateMetric.Nmi, nmi + 0.01, null));
        var warning = Slice("plan", minRows: 10, Rule(GateMetric.Nmi, nmi - 0.1, nmi + 0.01));
        var options = Options(Thresholds(Rule(GateMetric.Nmi, 0.01, null)), slices: [failing, warning]);

        var evaluation = GateEvaluator.Evaluate(options, "v1", Noisy, [new SliceTable(failing, "east", 120, sliceTable), new SliceTable(warning, "pro", 120, sliceTable)], null);

        Assert.Equal(
            [DiagnosticCode.SliceThresholdFailed, DiagnosticCode.SliceThresholdWarned],
            evaluation.Findings.Select(f => f.Code));
        Assert.Equal("region=east", evaluation.Slices[0].Rules[0].Slice);
        Assert.StartsWith("slice region=east: nmi (arithmetic) = " + F(nmi), evaluation.Findings[0].Message, StringComparison.Ordinal);
        Assert.Equal(Verdict.Fail, evaluation.Verdict);
        Assert.Equal(Verdict.Pass, Assert.Single(evaluation.Rules).Verdict);
    }

    [Fact]
    public void No_rows_is_a_cannot_evaluate_failure()
    {
        var empty = ContingencyTable.FromLabels(Array.Empty<string>(), Array.Empty<string>());

        var evaluation = GateEvaluator.Evaluate(Options(Thresholds(Rule(GateMetric.Nmi, 0.5, null))), "v1", empty, [], null);

        Assert.Equal(Verdict.Fail, evaluation.Verdict);
        var finding = Assert.Single(evaluation.Findings);
        Assert.Equal(DiagnosticCode.NoRowsToEvaluate, finding.Code);
        Assert.True(finding.IsCannotEvaluate);
        Assert.Empty(evaluation.Rules);
    }

    [Fact]
    public void No_rule_configured_is_a_cannot_evaluate_failure()
    {
        var evaluation = GateEvaluator.Evaluate(Options(Thresholds()), "v1", Noisy, [], null);

        Assert.Equal(Verdict.Fail, evaluation.Verdict);
        var finding = Assert.Single(evaluation.Findings);
        Assert.Equal((DiagnosticCode.NoRuleEvaluated, FindingSeverity.Error), (finding.Code, finding.Severity));
        Assert.Contains("no rule is configured", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_NaN_metric_fails_with_its_own_cannot_evaluate_code()
    {
        var options = Options(Thresholds());
        var rule = Rule(GateMetric.Ami, 0.5, null);

        var outcome = new GateEvaluator.Context(options, "v4").Threshold(rule, AverageMethod.Arithmetic, null, double.NaN, null, 10);

        Assert.Equal(Verdict.Fail, outcome.Verdict);
        Assert.Equal(DiagnosticCode.MetricNotANumber, outcome.Finding!.Code);
        Assert.True(outcome.Finding.IsCannotEvaluate);
        Assert.Contains("ami (arithmetic) could not be computed (NaN) on 10 rows against reference v4", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_formats_in_the_compiler_shape_at_its_nmigate_yml_key()
    {
        var evaluation = GateEvaluator.Evaluate(Options(Thresholds(Rule(GateMetric.Nmi, 0.99, null))), "v3", Noisy, [], null);

        var text = Assert.Single(evaluation.Findings).Format(Config);

        Assert.StartsWith($"{Config}(12,20): error NMIG2001: nmi (arithmetic) = {F(NoisyNmi)} is below fail-below 0.9900 against reference v3", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_gate_metric_maps_to_its_metric_set_value()
    {
        var metrics = MetricSet.From(Noisy);
        Assert.Equal(metrics.NmiGeometric, GateEvaluator.ValueOf(metrics, GateMetric.Nmi, AverageMethod.Geometric));
        Assert.Equal(metrics.AmiMin, GateEvaluator.ValueOf(metrics, GateMetric.Ami, AverageMethod.Min));
        Assert.Equal(metrics.AdjustedRandIndex, GateEvaluator.ValueOf(metrics, GateMetric.Ari, null));
        Assert.Equal(metrics.RandIndex, GateEvaluator.ValueOf(metrics, GateMetric.Rand, null));
        Assert.Equal(metrics.Homogeneity, GateEvaluator.ValueOf(metrics, GateMetric.Homogeneity, null));
        Assert.Equal(metrics.Completeness, GateEvaluator.ValueOf(metrics, GateMetric.Completeness, null));
        Assert.Equal(metrics.VMeasure, GateEvaluator.ValueOf(metrics, GateMetric.VMeasure, null));
        Assert.Equal(metrics.FowlkesMallows, GateEvaluator.ValueOf(metrics, GateMetric.Fmi, null));
        Assert.All(metrics.Entries().Select(e => e.Key), key => Assert.True(key.Length > 0));
        Assert.Contains(RuleOutcome.KeyOf(GateMetric.VMeasure, null), metrics.Entries().Select(e => e.Key));
        Assert.Contains(RuleOutcome.KeyOf(GateMetric.Ami, AverageMethod.Max), metrics.Entries().Select(e => e.Key));
    }

    private static RuleOutcome Single(MetricThreshold rule, GateOn gateOn) =>
        Assert.Single(GateEvaluator.Evaluate(Options(Thresholds(rule), Confidence(gateOn)), "v1", Noisy, [], null).Rules);

    private static ContingencyTable Table(int rows, int clusters, int moveEvery)
    {
        var reference = new string[rows];
        var candidate = new string[rows];
        for (var i = 0; i < rows; i++)
        {
            var cluster = i % clusters;
            reference[i] = cluster.ToString(CultureInfo.InvariantCulture);
            candidate[i] = (i % moveEvery == 0 ? (cluster + 1) % clusters : cluster).ToString(CultureInfo.InvariantCulture);
        }

        return ContingencyTable.FromLabels<string>(reference, candidate);
    }

    private static ValueSource At(int line, int column) => ValueSource.InFile(Config, line, column);

    private static MetricThreshold Rule(GateMetric metric, double? failBelow, double? warnBelow) => new(
        metric,
        metric.TakesAverage() ? new Sourced<AverageMethod>(AverageMethod.Arithmetic, ValueSource.Default) : null,
        failBelow is { } f ? new Sourced<double>(f, At(12, 20)) : null,
        warnBelow is { } w ? new Sourced<double>(w, At(12, 40)) : null,
        At(12, 3));

    private static ThresholdOptions Thresholds(params MetricThreshold[] rules) =>
        new(new ReadOnlyDictionary<GateMetric, MetricThreshold>(rules.ToDictionary(r => r.Metric)));

    private static ReadOnlyDictionary<GateMetric, Sourced<double>> Drops(params (GateMetric Metric, double Drop)[] drops) =>
        new(drops.ToDictionary(d => d.Metric, d => new Sourced<double>(d.Drop, At(14, 18))));

    private static ConfidenceOptions Confidence(GateOn gateOn) => new(
        new(0.95, At(20, 3)), new(Resamples, At(20, 15)), new(Seed, At(20, 32)), new(gateOn, At(20, 40)), At(20, 1));

    private static SliceOptions Slice(string column, int minRows, params MetricThreshold[] rules) =>
        new(new(column, At(30, 13)), new(minRows, At(31, 15)), Thresholds(rules), At(30, 5));

    private static HistoryRecord History(string version, double nmi) => new(
        HistoryRecord.CurrentSchemaVersion, "segments", new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), version, "pass", 240,
        new Dictionary<string, double?> { ["nmi_arithmetic"] = nmi }, null, "m", "d", "r", null, "1.0", null);

    private static GateOptions Options(ThresholdOptions thresholds, ConfidenceOptions? confidence = null, IReadOnlyList<SliceOptions>? slices = null)
    {
        ValueSource d = ValueSource.Default;
        return new GateOptions(
            Config,
            new(1, d),
            new("segments", At(2, 7)),
            new ModelOptions(new("/repo/model.zip", d), new("PredictedLabel", d)),
            new DataOptions(new("/repo/data.csv", At(7, 9)), new("id", d), new(',', d), ReadOnlyDictionary<string, Sourced<IReadOnlyList<string>>>.Empty),
            new ReferenceOptions(new("/repo/.nmigate", d), new("latest", d)),
            thresholds)
        {
            Confidence = confidence,
            Slices = slices ?? [],
        };
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
