namespace NmiGate.Core.Scoring;

/// <summary>How the data file was turned into the model's input.</summary>
public enum ModelInputKind
{
    /// <summary>The loader stored in the model read the file (cross-checked against the header).</summary>
    StoredLoader,

    /// <summary>The model's stored input schema was mapped onto the header by name (and the column map for vectors).</summary>
    InputSchema,

    /// <summary>The model stored no input description; the column map defined its input.</summary>
    ColumnMap,
}
