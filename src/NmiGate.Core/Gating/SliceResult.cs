using NmiGate.Core.Configuration;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Gating;

/// <summary>The rows sharing one value of a <c>slices</c> column, and how they fared.</summary>
/// <param name="Column">The slice column (<c>region</c>).</param>
/// <param name="Value">The column's value for these rows (<c>north</c>).</param>
/// <param name="RowCount">Aligned rows in the slice.</param>
/// <param name="MinRows">The configured <c>min-rows</c>.</param>
/// <param name="Metrics">The slice's metrics; <see langword="null"/> when it is too small to judge.</param>
/// <param name="Rules">The slice's rule outcomes; empty when it is too small.</param>
/// <param name="Source">The <c>slices</c> item's <c>column</c> key.</param>
public sealed record SliceResult(
    string Column,
    string Value,
    long RowCount,
    int MinRows,
    MetricSet? Metrics,
    IReadOnlyList<RuleOutcome> Rules,
    ValueSource Source)
{
    /// <summary>The slice's name in messages and reports: <c>region=north</c>.</summary>
    public string Name => SliceName(Column, Value);

    /// <summary>Whether the slice has fewer rows than <see cref="MinRows"/> (reported as a warning, never skipped silently).</summary>
    public bool IsTooSmall => RowCount < MinRows;

    internal static string SliceName(string column, string value) => $"{column}={(value.Length == 0 ? "(empty)" : value)}";
}
