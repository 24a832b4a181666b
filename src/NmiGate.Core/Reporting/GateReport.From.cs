using NmiGate.Core.Configuration;
using NmiGate.Core.Diagnostics;
using NmiGate.Core.Diff;
using NmiGate.Core.Gating;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Reporting;

/// <summary>
/// The one mapping from a gate's result onto a report: when <see cref="GateResult"/> changes, only
/// this file does.
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

        var intervals = new Dictionary<string, ConfidenceInterval>(result.Intervals, StringComparer.Ordinal);
        foreach (var (key, interval) in inputs.Intervals ?? new Dictionary<string, ConfidenceInterval>())
        {
            intervals.TryAdd(key, interval);
        }

        var metrics = result.Rules.Where(r => r.IsApplicable).Select(r => Row(r, intervals)).ToList();
        var byKey = result.Metrics.Entries().ToDictionary(e => e.Key, StringComparer.Ordinal);
        foreach (var key in InformationalKeys)
        {
            if (metrics.TrueForAll(m => !string.Equals(m.Key, key, StringComparison.Ordinal)))
            {
                metrics.Add(new ReportMetric(key, DisplayName(key), byKey[key].Value, IntervalOf(intervals, key), null, null, null, null));
            }
        }

        var notComputed = new List<string>();
        if (intervals.Count == 0)
        {
            notComputed.Add("confidence intervals (no `confidence` configured)");
        }

        if (result.PreviousRecord is null)
        {
            notComputed.Add($"deltas vs the last recorded result (no history for reference {result.ReferenceVersion})");
        }

        var movedIds = MovedIdsOf(result, diff, inputs);
        if (movedIds.Count == 0 && diff.MovedRows > 0)
        {
            notComputed.Add("moved-id samples (the aligned rows were not kept)");
        }

        var findings = result.Findings
            .Select(f => new ReportFinding(
                f.Code.ToCodeString(),
                f.Severity,
                f.Message,
                f.Location.Origin == ValueOrigin.File ? Path.GetFileName(f.Location.File) : null,
                f.Location.Origin == ValueOrigin.File && f.Location.Line > 0 ? f.Location.Line : null))
            .OrderByDescending(f => f.Severity)
            .ToList();
        if (result.FailedOnWarn)
        {
            findings.Insert(0, new ReportFinding(null, FindingSeverity.Error, "fail-on-warn is set: the warnings below fail the gate."));
        }

        var slices = result.Slices
            .Select(s => new ReportSlice(s.Name, s.RowCount, [.. s.Rules.Where(r => r.IsApplicable).Select(r => Row(r, EmptyIntervals))], s.IsTooSmall))
            .ToList();

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
            slices,
            diff,
            result.Table,
            movedIds,
            inputs.Charts ?? result.Report?.Charts.Value ?? ReportCharts.None,
            ProvenanceOf(result, inputs),
            notComputed);
    }

    private static readonly Dictionary<string, ConfidenceInterval> EmptyIntervals = [];

    /// <summary>The given samples, else a sample from the rows the check kept or its hash join, seeded by <c>confidence.seed</c> (or a fixed seed) so a re-run shows the same ids.</summary>
    private static IReadOnlyList<MovedIdSample> MovedIdsOf(GateResult result, ClusterDiff diff, ReportInputs inputs)
    {
        if (inputs.MovedIds.Count > 0 || diff.MovedRows == 0)
        {
            return inputs.MovedIds;
        }

        var seed = result.Confidence?.Seed.Value ?? ReportInputs.DefaultMovedIdsSeed;
        return result.Aligned is { } aligned ? ContingencyDiff.SampleMovedIds(aligned, diff, inputs.MovedIdsPerCluster, seed)
            : result.MovedIdSampler is { } sampler ? sampler(diff, inputs.MovedIdsPerCluster, seed)
            : inputs.MovedIds;
    }

    /// <summary>A metric row of a rule: a threshold rule's limits, or a max-drop rule's lowest allowed value as its fail-below.</summary>
    private static ReportMetric Row(RuleOutcome rule, IReadOnlyDictionary<string, ConfidenceInterval> intervals)
    {
        var interval = rule.Interval is { } ci ? new ReportInterval(ci.Lower, ci.Upper, ci.Level, ci.Resamples) : IntervalOf(intervals, rule.MetricKey);
        return rule.Kind == RuleKind.MaxDrop
            ? new ReportMetric(rule.MetricKey, $"{rule.MetricName} max-drop {MarkdownText.Metric(rule.MaxDrop ?? 0)}", rule.Value, interval, rule.Limit, null, rule.Delta, rule.Verdict)
            : new ReportMetric(rule.MetricKey, rule.MetricName, rule.Value, interval, rule.FailBelow, rule.WarnBelow, rule.Delta, rule.Verdict);
    }

    private static ReportProvenance ProvenanceOf(GateResult result, ReportInputs inputs) => result.Provenance is { } p
        ? new ReportProvenance(p.ToolVersion, p.ModelSha256, p.DataSha256, p.ReferenceSha256, p.Seed, p.Commit, new DateTimeOffset(DateTime.SpecifyKind(p.Time, DateTimeKind.Utc)))
        : inputs.Provenance;

    /// <summary>The gated row that decided the verdict: the worst verdict, then the smallest margin over its threshold.</summary>
    private static ReportMetric? DecisiveOf(IReadOnlyList<ReportMetric> metrics) => metrics
        .Where(m => m.IsGated)
        .OrderByDescending(m => m.Verdict)
        .ThenBy(m => double.IsNaN(m.Value) ? double.NegativeInfinity : m.Value - (m.DecisiveThreshold ?? double.NegativeInfinity))
        .FirstOrDefault();

    private static ReportInterval? IntervalOf(IReadOnlyDictionary<string, ConfidenceInterval> intervals, string key) =>
        intervals.TryGetValue(key, out var ci) ? new ReportInterval(ci.Lower, ci.Upper, ci.Level, ci.Resamples) : null;

    private static string DisplayName(string key)
    {
        var underscore = key.IndexOf('_', StringComparison.Ordinal);
        return key.StartsWith("nmi_", StringComparison.Ordinal) || key.StartsWith("ami_", StringComparison.Ordinal)
            ? $"{key[..underscore]} ({key[(underscore + 1)..]})"
            : key.Replace('_', '-');
    }
}
