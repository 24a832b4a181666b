namespace NmiGate.Core.Gating;

/// <summary>
/// One line of <c>&lt;registry&gt;/&lt;gate&gt;/history.jsonl</c>: a check's result as <c>nmigate check --record</c>
/// appended it. <c>max-drop</c> compares with the last record of the same reference version.
/// </summary>
/// <param name="SchemaVersion">The record format; this build reads and writes <see cref="CurrentSchemaVersion"/>.</param>
/// <param name="Gate">The gate name.</param>
/// <param name="Time">When the check ran, in UTC.</param>
/// <param name="ReferenceVersion">The reference version compared with (<c>v3</c>).</param>
/// <param name="Verdict">The gate's verdict: <c>pass</c>, <c>warn</c> or <c>fail</c>.</param>
/// <param name="Rows">Aligned rows.</param>
/// <param name="Metrics">Every metric of the whole set by key (<c>nmi_arithmetic</c>); null for a metric that was NaN.</param>
/// <param name="Intervals">The bootstrap interval of each gated metric by key, when <c>confidence</c> was configured.</param>
/// <param name="ModelSha256">SHA-256 of the model file.</param>
/// <param name="DataSha256">SHA-256 of the data file.</param>
/// <param name="ReferenceSha256">SHA-256 of the reference partition.</param>
/// <param name="Commit">The commit, when known.</param>
/// <param name="ToolVersion">The NmiGate version.</param>
/// <param name="Seed">The bootstrap seed, when <c>confidence</c> was configured.</param>
public sealed record HistoryRecord(
    int SchemaVersion,
    string Gate,
    DateTime Time,
    string ReferenceVersion,
    string Verdict,
    long Rows,
    IReadOnlyDictionary<string, double?> Metrics,
    IReadOnlyDictionary<string, HistoryInterval>? Intervals,
    string ModelSha256,
    string DataSha256,
    string ReferenceSha256,
    string? Commit,
    string ToolVersion,
    ulong? Seed)
{
    /// <summary>The only record format this build reads and writes.</summary>
    public const int CurrentSchemaVersion = 1;
}

/// <summary>A recorded bootstrap interval.</summary>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
/// <param name="Level">Nominal coverage.</param>
/// <param name="Resamples">Bootstrap replicates.</param>
public sealed record HistoryInterval(double Lower, double Upper, double Level, int Resamples);
