namespace NmiGate.Core.Configuration.Schema;

/// <summary>A key of a mapping with a fixed set of keys.</summary>
/// <param name="Name">The kebab-case key.</param>
/// <param name="Node">The schema of its value.</param>
/// <param name="Required">Whether the key must be present (in the file or an override) when its mapping is.</param>
/// <param name="Default">The value used when the key is absent: text, a whole number (<see cref="long"/>) or a number (<see cref="double"/>).</param>
internal sealed record KeySchema(string Name, SchemaNode Node, bool Required = false, object? Default = null);
