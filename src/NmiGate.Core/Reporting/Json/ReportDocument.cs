namespace NmiGate.Core.Reporting.Json;

// The JSON report's shape (schemas/report.schema.json), camelCase on the wire. Values that can be
// unknown are written as null rather than left out, so a reader sees every key every time. The
// small wire records live together here because they are one document.

/// <summary>The whole JSON report.</summary>
internal sealed record ReportDocument(
    int SchemaVersion,
    string Gate,
    string Verdict,
    bool FailedOnWarn,
    string ReferenceVersion,
    long Rows,
    string Summary,
    string? Decisive,
    IReadOnlyList<MetricDocument> Metrics,
    IReadOnlyList<FindingDocument> Findings,
    IReadOnlyList<SliceDocument> Slices,
    DiffDocument Diff,
    ProvenanceDocument Provenance,
    IReadOnlyList<string> NotComputed);

internal sealed record MetricDocument(
    string Key, string Name, double? Value, IntervalDocument? Interval, double? FailBelow, double? WarnBelow, double? Delta, string? Verdict);

internal sealed record IntervalDocument(double Lower, double Upper, double Level, int Resamples);

internal sealed record FindingDocument(string? Code, string Severity, string Message, string? File, int? Line);

internal sealed record SliceDocument(string Name, long Rows, bool TooSmall, IReadOnlyList<MetricDocument> Metrics);

internal sealed record DiffDocument(
    long Rows,
    long KeptRows,
    long MovedRows,
    int ReferenceClusters,
    int CandidateClusters,
    DiffOptionsDocument Options,
    IReadOnlyList<ClusterDocument> Clusters,
    IReadOnlyList<NewClusterDocument> NewClusters,
    IReadOnlyList<MovedIdsDocument> MovedIds,
    MatrixDocument Matrix);

internal sealed record DiffOptionsDocument(double StableShare, double SplitShare, double MergeShare, int MaxDestinations);

internal sealed record FlowDocument(string Label, long Rows, double Share);

internal sealed record ClusterDocument(
    string Label,
    long Size,
    string? Match,
    long KeptRows,
    double KeptShare,
    long MovedRows,
    string Kind,
    IReadOnlyList<FlowDocument> Destinations,
    long OtherDestinationRows,
    int OtherDestinationCount,
    IReadOnlyList<FlowDocument> SplitInto,
    FlowDocument? MergedInto,
    IReadOnlyList<FlowDocument> MergedWith);

internal sealed record NewClusterDocument(string Label, long Size, IReadOnlyList<FlowDocument> Sources, long OtherSourceRows, int OtherSourceCount);

internal sealed record MovedIdsDocument(string Label, long MovedRows, IReadOnlyList<string> Ids);

/// <summary>
/// The sparse matrix as three parallel arrays (cell i: reference label index, candidate label
/// index, count), in (reference, candidate) order. Parallel primitive arrays rather than one small
/// array per cell: at K = 1000 a table has ~260,000 cells, and per-cell arrays cost 10× the time.
/// </summary>
internal sealed record MatrixDocument(IReadOnlyList<string> ReferenceLabels, IReadOnlyList<string> CandidateLabels, int[] CellReferences, int[] CellCandidates, long[] CellCounts);

internal sealed record ProvenanceDocument(
    string ToolVersion, string? ModelSha256, string? DataSha256, string? ReferenceSha256, ulong? Seed, string? Commit, DateTimeOffset? Time);
