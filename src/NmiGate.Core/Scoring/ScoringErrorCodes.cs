namespace NmiGate.Core.Scoring;

/// <summary>
/// The stable codes of <see cref="ScoringException"/>, one per kind of scoring failure. Hosts
/// print them; users search for them. Never renumber a code: retire it and add a new one.
/// </summary>
public static class ScoringErrorCodes
{
    /// <summary>The model file does not exist.</summary>
    public const string ModelFileNotFound = "NMIG3001";

    /// <summary>The model file is not an ML.NET model, or it is corrupted or truncated.</summary>
    public const string InvalidModel = "NMIG3002";

    /// <summary>The data file does not exist.</summary>
    public const string DataFileNotFound = "NMIG3003";

    /// <summary>The data file is empty: not even a header row.</summary>
    public const string EmptyDataFile = "NMIG3004";

    /// <summary>The data file has a header row but no data rows.</summary>
    public const string NoDataRows = "NMIG3005";

    /// <summary>The id column is not in the data file's header.</summary>
    public const string IdColumnMissing = "NMIG3006";

    /// <summary>A model input column (or a column-map entry) has no column in the data file.</summary>
    public const string InputColumnMissing = "NMIG3007";

    /// <summary>A value the model reads as a number is not a number (or is empty).</summary>
    public const string NonNumericValue = "NMIG3008";

    /// <summary>A row has more or fewer fields than the header, or a malformed quoted field.</summary>
    public const string RaggedRow = "NMIG3009";

    /// <summary>Two rows share an id.</summary>
    public const string DuplicateId = "NMIG3010";

    /// <summary>A row has an empty id.</summary>
    public const string EmptyId = "NMIG3011";

    /// <summary>Rows the model assigned to no cluster (predicted key 0, e.g. NaN features).</summary>
    public const string UnassignedRows = "NMIG3012";

    /// <summary>The model's output has no such predicted column, or it is not a cluster key.</summary>
    public const string PredictedColumnInvalid = "NMIG3013";

    /// <summary>The model's input cannot be built from the data file (no input description and no column map, a type or vector size mismatch, or the model rejects the columns).</summary>
    public const string InputSchemaMismatch = "NMIG3014";

    /// <summary>The loader stored in the model reads the data file differently from its header (other columns, separator, header setting or row count).</summary>
    public const string StoredLoaderMismatch = "NMIG3015";

    /// <summary>A line starts with <c>//</c>, which ML.NET's text loader skips as a comment: the row would be lost silently.</summary>
    public const string CommentLine = "NMIG3016";

    /// <summary>The header names a column twice, so mapping by name is ambiguous.</summary>
    public const string DuplicateColumnName = "NMIG3017";

    /// <summary>The separator cannot be inferred from the data file's extension (use .csv, .tsv, or set it).</summary>
    public const string UnknownSeparator = "NMIG3018";
}
