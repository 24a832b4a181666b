using Microsoft.ML;
using Microsoft.ML.Data;

namespace NmiGate.Core.Scoring;

/// <summary>How a data file becomes the model's input, and which of its values to check as rows stream.</summary>
/// <param name="Source">The data view the model transforms.</param>
/// <param name="Kind">Which of the three ways built <paramref name="Source"/>.</param>
/// <param name="NumericFields">Data columns the model reads as numbers: each value must parse.</param>
/// <param name="CrossChecks">Stored-loader path: source columns whose loaded value must equal the header column of the same name.</param>
/// <param name="NaNWatches">Stored-loader path: numeric source columns NmiGate cannot tie to one header column; a NaN in them is traced back to the row's text.</param>
internal sealed record InputPlan(
    IDataView Source,
    ModelInputKind Kind,
    IReadOnlyList<NumericField> NumericFields,
    IReadOnlyList<LoaderCrossCheck> CrossChecks,
    IReadOnlyList<int> NaNWatches)
{
    /// <summary>The stored loader that built <see cref="Source"/>, when there is one (it can also read a part of the file).</summary>
    public IDataLoader<IMultiStreamSource>? Loader { get; init; }
}

/// <summary>A data column whose values must be numbers.</summary>
/// <param name="FieldIndex">Index in the header.</param>
/// <param name="Name">Header name.</param>
/// <param name="ModelInput">The model input column it feeds.</param>
internal readonly record struct NumericField(int FieldIndex, string Name, string ModelInput);

/// <summary>A stored loader's scalar numeric column that the header also names.</summary>
/// <param name="SourceColumn">Index in the loader's output schema (kept by the model's output schema).</param>
/// <param name="FieldIndex">Index of the same name in the header.</param>
/// <param name="Name">The column name.</param>
/// <param name="IsDouble">Whether the loader reads it as double (else float).</param>
internal readonly record struct LoaderCrossCheck(int SourceColumn, int FieldIndex, string Name, bool IsDouble);
