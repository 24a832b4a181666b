namespace NmiGate.Core.Configuration.Schema;

/// <summary>A sequence of values of one schema.</summary>
/// <param name="Items">The schema of every item.</param>
/// <param name="MinItems">The fewest items allowed.</param>
internal sealed record ListSchema(SchemaNode Items, int MinItems = 0) : SchemaNode("a list");
