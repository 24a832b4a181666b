using NmiGate.Core.Configuration;
using NmiGate.Core.Diff;
using NmiGate.Core.Gating;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Reporting;

/// <summary>
/// The one mapping from a gate's result onto a report. When <see cref="GateResult"/> grows
/// (findings with codes, intervals, history deltas, slices, provenance), only this file changes.
/// </summary>
public sealed partial record GateReport
{
    // The metrics shown for information under the gated ones: the headline set people compare.
    private static readonly string[] InformationalKeys = ["nmi_arithmetic", "ami_arithmetic", "ari", "homogeneity", "completeness", "v_measure"];

    /// <summary>Builds the report of <paramref name="result"/> whose diff is <paramref name="diff"/>.</summary>
    /// <exception cref="ArgumentException">The diff was not computed from the result's table.</exception>
    public static GateReport From(GateResult result, ClusterDiff diff, ReportInputs? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(diff);
        inputs ??= ReportInputs.Default;
        if (diff.RowCount != result.Table.RowCount)
        {
            throw new ArgumentException($"The diff has {diff.RowCount} rows but the result's table {result.Table.RowCount}: it was not computed from this result.", nameof(diff));
        }

        var notComputed = new List<string>();
        var metrics = new List<ReportMetric>();
        foreach (var rule in result.Rules)
        {
            var key = Key(rule.Threshold.Metric, rule.Average);
            metrics.Add(new ReportMetric(
                key, rule.MetricName, rule.Value, IntervalOf(key, inputs), rule.Threshold.FailBelow?.Value, rule.Threshold.WarnBelow?.Value, Delta: null, rule.Verdict));
        }

        var byKey = result.Metrics.Entries().ToDictionary(e => e.Key, StringComparer.Ordinal);
        foreach (var key in InformationalKeys)
        {
            if (metrics.TrueForAll(m => !string.Equals(m.Key, key, StringComparison.Ordinal)))
            {
                metrics.Add(new ReportMetric(key, DisplayName(key), byKey[key].Value, IntervalOf(key, inputs), null, null, null, null));
            }
        }

        if (inputs.Intervals is null)
        {
            notComputed.Add("confidence intervals (no bootstrap was run)");
        }

        // GateResult does not carry history yet: no delta can be shown.
        notComputed.Add("deltas vs the last recorded result (no history was read)");
        if (inputs.MovedIds.Count == 0 && diff.MovedRows > 0)
        {
            notComputed.Add("moved-id samples (the aligned rows were not kept)");
        }

        var findings = result.Rules
            .Where(r => r.Verdict != Verdict.Pass)
            .Select(r => new ReportFinding(
                Code: null,
                r.Verdict == Verdict.Fail ? FindingSeverity.Error : FindingSeverity.Warning,
                r.Message,
                r.Threshold.Source.Origin == ValueOrigin.File ? Path.GetFileName(r.Threshold.Source.File) : null,
                r.Threshold.Source.Line > 0 ? r.Threshold.Source.Line : null))
            .OrderByDescending(f => f.Severity)
            .ToList();
        if (result.FailedOnWarn)
        {
            findings.Insert(0, new ReportFinding(null, FindingSeverity.Error, "fail-on-warn is set: the warnings below fail the gate."));
        }

        return new GateReport(
            result.GateName,
            result.Verdict,
            result.FailedOnWarn,
            result.ReferenceVersion,
            result.RowCount,
            result.Summary,
            DecisiveOf(metrics),
            metrics,
            findings,
            Slices: [],
            diff,
            result.Table,
            inputs.MovedIds,
            inputs.Charts,
            inputs.Provenance,
            notComputed);
    }

    /// <summary>The machine key of a gated metric, as in <see cref="MetricSet.Entries"/>: <c>nmi_arithmetic</c>, <c>v_measure</c>.</summary>
    public static string Key(GateMetric metric, AverageMethod? average) => average is { } a
        ? metric.ToName() + "_" + MetricSet.AverageName(a)
        : metric.ToName().Replace('-', '_');

    /// <summary>The gated row that decided the verdict: the worst verdict, then the smallest margin over its threshold.</summary>
    private static ReportMetric? DecisiveOf(IReadOnlyList<ReportMetric> metrics) => metrics
        .Where(m => m.IsGated)
        .OrderByDescending(m => m.Verdict)
        .ThenBy(m => double.IsNaN(m.Value) ? double.NegativeInfinity : m.Value - (m.DecisiveThreshold ?? double.NegativeInfinity))
        .FirstOrDefault();

    private static ReportInterval? IntervalOf(string key, ReportInputs inputs) =>
        inputs.Intervals is { } intervals && intervals.TryGetValue(key, out var ci)
            ? new ReportInterval(ci.Lower, ci.Upper, ci.Level, ci.Resamples)
            : null;

    private static string DisplayName(string key)
    {
        var underscore = key.IndexOf('_', StringComparison.Ordinal);
        return key.StartsWith("nmi_", StringComparison.Ordinal) || key.StartsWith("ami_", StringComparison.Ordinal)
            ? $"{key[..underscore]} ({key[(underscore + 1)..]})"
            : key.Replace('_', '-');
    }
}
