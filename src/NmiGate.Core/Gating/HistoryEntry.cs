namespace NmiGate.Core.Gating;

/// <summary>Builds the <see cref="HistoryRecord"/> that <c>--record</c> appends for a result.</summary>
internal static class HistoryEntry
{
    public static HistoryRecord From(GateResult result, GateProvenance provenance)
    {
        // JSON has no NaN: a metric that could not be computed is recorded as null, and a later
        // max-drop against it is reported as not applicable rather than compared with nothing.
        var metrics = result.Metrics.Entries().ToDictionary(
            e => e.Key,
            e => double.IsFinite(e.Value) ? e.Value : (double?)null,
            StringComparer.Ordinal);
        var intervals = result.Intervals.Count == 0
            ? null
            : result.Intervals.ToDictionary(
                p => p.Key,
                p => new HistoryInterval(p.Value.Lower, p.Value.Upper, p.Value.Level, p.Value.Resamples),
                StringComparer.Ordinal);
        return new HistoryRecord(
            HistoryRecord.CurrentSchemaVersion,
            result.GateName,
            provenance.Time,
            result.ReferenceVersion,
            GateResult.VerdictWord(result.Verdict).ToLowerInvariant(),
            result.RowCount,
            metrics,
            intervals,
            provenance.ModelSha256,
            provenance.DataSha256,
            provenance.ReferenceSha256,
            provenance.Commit,
            provenance.ToolVersion,
            provenance.Seed);
    }

}
