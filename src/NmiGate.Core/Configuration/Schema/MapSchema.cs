namespace NmiGate.Core.Configuration.Schema;

/// <summary>A mapping whose keys are the user's names (e.g. model input columns), all with values of one schema.</summary>
/// <param name="Values">The schema of every value.</param>
internal sealed record MapSchema(SchemaNode Values) : SchemaNode("a mapping");
