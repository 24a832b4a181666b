namespace NmiGate.Core.Scoring;

/// <summary>What to score: a model, a held-out data file and how to read it.</summary>
/// <param name="ModelPath">The ML.NET model (.zip).</param>
/// <param name="DataPath">The held-out data: delimited text with a header row (.csv, .tsv).</param>
/// <param name="IdColumn">The header name of the column holding each row's id.</param>
public sealed record ScoringRequest(string ModelPath, string DataPath, string IdColumn)
{
    /// <summary>The model output column holding the 1-based cluster key.</summary>
    public string PredictedColumn { get; init; } = "PredictedLabel";

    /// <summary>The field separator; <see langword="null"/> infers it from the extension (.csv: comma, .tsv / .tab: tab).</summary>
    public char? Separator { get; init; }

    /// <summary>
    /// Model input column → data columns, concatenated in this order into a float vector. Used when
    /// the model did not store its loader: it supplies vector inputs of a stored input schema, or the
    /// whole input when the model stores no input description at all. Ignored for models with a loader.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? ColumnMap { get; init; }

    /// <summary>How many ids an error lists at most (e.g. unassigned rows).</summary>
    public int MaxReportedIds { get; init; } = 10;

    /// <summary>Whether to SHA-256 the data file from the bytes scoring reads (<see cref="ScoredPartition.DataSha256"/>), for provenance.</summary>
    internal bool HashData { get; init; }
}
