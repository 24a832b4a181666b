namespace NmiGate.Core.Diagnostics;

/// <summary>
/// Stable diagnostic codes, rendered as <c>NMIG</c> followed by the number (<c>NMIG1001</c>).
/// Numbers never change meaning once shipped; every code is documented in <c>docs/diagnostics.md</c>.
/// 1xxx: configuration (<c>nmigate.yml</c> and host overrides).
/// 2xxx: the gate's rules and verdict (findings of a check, history, slices).
/// 3xxx: scoring the model on the held-out data.
/// 4xxx: the reference registry (<c>.nmigate/</c>).
/// </summary>
public enum DiagnosticCode
{
    /// <summary>A key that the configuration schema does not declare at that place.</summary>
    UnknownKey = 1001,

    /// <summary>A value of the wrong type (a string where a number is expected, a list where a mapping is expected, ...).</summary>
    WrongType = 1002,

    /// <summary>A required key is absent.</summary>
    MissingKey = 1003,

    /// <summary>A number outside its allowed range (thresholds in [0, 1], ARI in [-1, 1]).</summary>
    OutOfRange = 1004,

    /// <summary>A metric's <c>warn-below</c> is lower than its <c>fail-below</c>.</summary>
    WarnBelowFail = 1005,

    /// <summary>An unknown name: a metric under <c>thresholds</c> or an <c>average</c> method.</summary>
    UnknownName = 1006,

    /// <summary>A configuration <c>version</c> this build does not read.</summary>
    UnsupportedVersion = 1007,

    /// <summary>The same key twice in one mapping.</summary>
    DuplicateKey = 1008,

    /// <summary>A file that does not exist: the configuration file, <c>model.path</c> or <c>data.path</c>.</summary>
    FileNotFound = 1009,

    /// <summary>The file is not well-formed YAML.</summary>
    YamlSyntax = 1010,

    /// <summary>The gate <c>name</c> is not made of lower-case letters, digits and dashes.</summary>
    InvalidGateName = 1011,

    /// <summary>A YAML feature the strict reader refuses: aliases, tags, several documents, complex keys, deep nesting.</summary>
    UnsupportedYamlFeature = 1012,

    /// <summary>A value of the right type that is not acceptable (a pattern, a length, a file extension).</summary>
    InvalidValue = 1013,

    /// <summary>The configuration file cannot be used as text: a directory, empty, too large, binary or unreadable.</summary>
    InvalidConfigurationFile = 1014,

    /// <summary>Gate: a metric is below its <c>fail-below</c> threshold (with <c>gate-on: interval</c>, the whole interval is). An error.</summary>
    ThresholdFailed = 2001,

    /// <summary>Gate: a metric is below its <c>warn-below</c> threshold (with <c>gate-on: interval</c>, the whole interval is). A warning.</summary>
    ThresholdWarned = 2002,

    /// <summary>Gate, <c>gate-on: interval</c>: the interval straddles <c>fail-below</c>, so the data cannot tell pass from fail. A warning.</summary>
    IntervalStraddlesFailBelow = 2003,

    /// <summary>Gate, <c>gate-on: interval</c>: the interval straddles <c>warn-below</c>. A notice; the rule passes.</summary>
    IntervalStraddlesWarnBelow = 2004,

    /// <summary>Gate: a metric fell more than <c>max-drop</c> below the last recorded result for the same reference version. An error.</summary>
    MaxDropExceeded = 2005,

    /// <summary>Gate, <c>gate-on: interval</c>: the interval straddles the lowest value <c>max-drop</c> allows. A warning.</summary>
    MaxDropStraddles = 2006,

    /// <summary>Gate: no result is recorded for the reference version, so a <c>max-drop</c> rule cannot apply. A notice, never a pass.</summary>
    MaxDropNotApplicable = 2007,

    /// <summary>Gate: a slice has fewer rows than its <c>min-rows</c>; its rules are not judged. A warning.</summary>
    SliceTooSmall = 2008,

    /// <summary>Gate: a slice's metric is below its <c>fail-below</c> threshold. An error.</summary>
    SliceThresholdFailed = 2009,

    /// <summary>Gate: a slice's metric is below its <c>warn-below</c> threshold. A warning.</summary>
    SliceThresholdWarned = 2010,

    /// <summary>Gate cannot evaluate: no rows were compared (the whole set). An error.</summary>
    NoRowsToEvaluate = 2011,

    /// <summary>Gate cannot evaluate: a gated metric is NaN. An error.</summary>
    MetricNotANumber = 2012,

    /// <summary>Gate cannot evaluate: no rule was judged (none configured, or every one not applicable: max-drop without history, every slice too small). An error.</summary>
    NoRuleEvaluated = 2013,

    /// <summary>A <c>slices</c> column is not in the data file's header. An error; the check does not run.</summary>
    SliceColumnMissing = 2014,

    /// <summary>A slice column with more distinct values than a gate can report. An error; the check does not run.</summary>
    TooManySlices = 2015,

    /// <summary>A line of the gate's <c>history.jsonl</c> is not a valid record. An error; the check does not run.</summary>
    HistoryCorrupted = 2016,

    /// <summary>The result cannot be appended to <c>history.jsonl</c> (I/O failure). An error.</summary>
    HistoryWriteFailed = 2017,

    /// <summary>The registry holds no version of the gate: nothing has been registered yet.</summary>
    RegistryEmpty = 4001,

    /// <summary>A pinned reference version that the registry does not hold.</summary>
    UnknownReferenceVersion = 4002,

    /// <summary>A reference version that is neither <c>latest</c> nor <c>vN</c>.</summary>
    InvalidReferenceVersion = 4003,

    /// <summary>A gate name that cannot be a registry folder (path separators, <c>..</c>, upper case, ...).</summary>
    InvalidRegistryGateName = 4004,

    /// <summary>A registered partition whose SHA-256 differs from its manifest: modified or truncated.</summary>
    PartitionHashMismatch = 4005,

    /// <summary>A registered version without its <c>partition.csv</c>.</summary>
    PartitionMissing = 4006,

    /// <summary>A registered version without its <c>manifest.json</c>.</summary>
    ManifestMissing = 4007,

    /// <summary>A manifest that is not valid JSON, too deep, or lacks or mistypes a field.</summary>
    ManifestMalformed = 4008,

    /// <summary>A manifest <c>formatVersion</c> this build does not read.</summary>
    UnsupportedManifestFormat = 4009,

    /// <summary>A manifest whose row or cluster counts, gate name or version do not match its files and folder.</summary>
    ManifestMismatch = 4010,

    /// <summary>A registry entry that is a link pointing outside the registry, or not a regular file or folder.</summary>
    UnsafeRegistryPath = 4011,

    /// <summary>A registry file larger than the limit for its kind.</summary>
    RegistryFileTooLarge = 4012,

    /// <summary>A registered partition whose hash matches but whose content is not a valid, sorted partition file.</summary>
    PartitionMalformed = 4013,

    /// <summary>A registration that could not be written (I/O failure, or no free version after repeated races).</summary>
    RegistrationFailed = 4014,

    /// <summary>A partition or provenance that cannot be registered (no rows, duplicate or blank ids, missing model or data file).</summary>
    InvalidRegistration = 4015,

    /// <summary>Scoring: the model file does not exist.</summary>
    ModelFileNotFound = 3001,

    /// <summary>Scoring: the model file is not an ML.NET model, or it is corrupted or truncated.</summary>
    InvalidModel = 3002,

    /// <summary>Scoring: the data file does not exist.</summary>
    DataFileNotFound = 3003,

    /// <summary>Scoring: the data file is empty: not even a header row.</summary>
    EmptyDataFile = 3004,

    /// <summary>Scoring: the data file has a header row but no data rows.</summary>
    NoDataRows = 3005,

    /// <summary>Scoring: the id column is not in the data file's header.</summary>
    IdColumnMissing = 3006,

    /// <summary>Scoring: a model input column (or a column-map entry) has no column in the data file.</summary>
    InputColumnMissing = 3007,

    /// <summary>Scoring: a value the model reads as a number is not a number (or is empty).</summary>
    NonNumericValue = 3008,

    /// <summary>Scoring: a row has more or fewer fields than the header, or a malformed quoted field.</summary>
    RaggedRow = 3009,

    /// <summary>Scoring: two rows share an id.</summary>
    DuplicateId = 3010,

    /// <summary>Scoring: a row has an empty id.</summary>
    EmptyId = 3011,

    /// <summary>Scoring: rows the model assigned to no cluster (predicted key 0, e.g. NaN features).</summary>
    UnassignedRows = 3012,

    /// <summary>Scoring: the model's output has no such predicted column, or it is not a cluster key.</summary>
    PredictedColumnInvalid = 3013,

    /// <summary>Scoring: the model's input cannot be built from the data file (no input description and no column map, a type or vector size mismatch, or the model rejects the columns).</summary>
    InputSchemaMismatch = 3014,

    /// <summary>Scoring: the loader stored in the model reads the data file differently from its header (other columns, separator, header setting or row count).</summary>
    StoredLoaderMismatch = 3015,

    /// <summary>Scoring: a line starts with <c>//</c>, which ML.NET's text loader skips as a comment: the row would be lost silently.</summary>
    CommentLine = 3016,

    /// <summary>Scoring: the header names a column twice, so mapping by name is ambiguous.</summary>
    DuplicateColumnName = 3017,

    /// <summary>Scoring: the separator cannot be inferred from the data file's extension (use .csv, .tsv, or set it).</summary>
    UnknownSeparator = 3018,
}
