using NmiGate.Core.Configuration;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Gating;

/// <summary>The aligned rows of one slice value, counted; <see cref="Table"/> is null when the slice is under <c>min-rows</c>.</summary>
/// <param name="Options">The <c>slices</c> item.</param>
/// <param name="Value">The column's value.</param>
/// <param name="RowCount">Aligned rows with that value.</param>
/// <param name="Table">The slice's contingency table, or null when it is too small to judge.</param>
internal sealed record SliceTable(SliceOptions Options, string Value, long RowCount, ContingencyTable? Table);
