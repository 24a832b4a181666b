namespace NmiGate.Core.Configuration;

/// <summary>The <c>data</c> section: the held-out set, a CSV or TSV file with a header row.</summary>
/// <param name="Path">Absolute path of the data file.</param>
/// <param name="IdColumn">The column that identifies a row across runs.</param>
/// <param name="Separator">The field separator; by default from the extension (<c>,</c> for .csv, tab for .tsv).</param>
/// <param name="Columns">
/// Model input column → data columns, concatenated in this order into a vector. Empty when the model
/// stores its own loader or schema.
/// </param>
public sealed record DataOptions(
    Sourced<string> Path,
    Sourced<string> IdColumn,
    Sourced<char> Separator,
    IReadOnlyDictionary<string, Sourced<IReadOnlyList<string>>> Columns);
