namespace NmiGate.Core.Configuration;

/// <summary>One <c>slices</c> item: metrics and rules for every value of a held-out data column.</summary>
/// <param name="Column">The data column whose values define the slices (e.g. <c>region</c>).</param>
/// <param name="MinRows">A slice with fewer rows is reported as too small (a warning) instead of judged.</param>
/// <param name="Thresholds">The per-metric thresholds every slice of the column must meet (no <c>max-drop</c>).</param>
/// <param name="Source">Where the item is in <c>nmigate.yml</c>.</param>
public sealed record SliceOptions(
    Sourced<string> Column,
    Sourced<int> MinRows,
    ThresholdOptions Thresholds,
    ValueSource Source)
{
    /// <summary>The <c>min-rows</c> used when an item does not set it.</summary>
    public const int DefaultMinRows = 50;
}
