using NmiGate.Core.Diff;
using NmiGate.Core.Gating;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Reporting;

/// <summary>
/// Everything a report shows, in the shape the renderers need: built once from a gate's result
/// (see <see cref="From"/>, the one place that maps <see cref="GateResult"/> onto it) and then
/// rendered as Markdown, JSON or console text without further computation.
/// </summary>
/// <param name="GateName">The gate's <c>name</c> (also the hidden Markdown marker).</param>
/// <param name="Verdict">The gate's verdict.</param>
/// <param name="FailedOnWarn">True when the verdict is a failure only because fail-on-warn is set.</param>
/// <param name="ReferenceVersion">The registry version compared with (<c>v3</c>).</param>
/// <param name="RowCount">Rows aligned by id (N).</param>
/// <param name="Summary">The one-line summary every host prints.</param>
/// <param name="Decisive">The metric row that decided the verdict (the worst rule, closest to its threshold), or null when no rule was checked.</param>
/// <param name="Metrics">Gated metrics first, in configuration order, then informational ones.</param>
/// <param name="Findings">What the rules found, most severe first.</param>
/// <param name="Slices">Metrics per value of a held-out column, in configuration order.</param>
/// <param name="Diff">The contingency diff of <paramref name="Table"/>.</param>
/// <param name="Table">The contingency table (reference × candidate clusters).</param>
/// <param name="MovedIds">Seeded samples of moved ids per reference cluster (may be empty).</param>
/// <param name="Charts">Which charts the Markdown carries.</param>
/// <param name="Provenance">Where the compared things came from.</param>
/// <param name="NotComputed">What the report could not include and why (e.g. intervals when no bootstrap ran); renderers add what they left out for size.</param>
public sealed partial record GateReport(
    string GateName,
    Verdict Verdict,
    bool FailedOnWarn,
    string ReferenceVersion,
    long RowCount,
    string Summary,
    ReportMetric? Decisive,
    IReadOnlyList<ReportMetric> Metrics,
    IReadOnlyList<ReportFinding> Findings,
    IReadOnlyList<ReportSlice> Slices,
    ClusterDiff Diff,
    ContingencyTable Table,
    IReadOnlyList<MovedIdSample> MovedIds,
    ReportCharts Charts,
    ReportProvenance Provenance,
    IReadOnlyList<string> NotComputed)
{
    /// <summary>The lower-case verdict word used in JSON and the marker: <c>pass</c>, <c>warn</c>, <c>fail</c>.</summary>
    public static string VerdictKey(Verdict verdict) => GateResult.VerdictWord(verdict).ToLowerInvariant();
}
