namespace NmiGate.Core.Configuration.Schema;

/// <summary>
/// A node of the declarative configuration schema. The file reader, the override layer, the
/// validator, the binder and the JSON Schema test all walk these declarations, so a new key is
/// one declaration (plus its field in the options), never new parsing code.
/// </summary>
/// <param name="Expected">How an error message names what is expected here ("a mapping", "a number").</param>
internal abstract record SchemaNode(string Expected);
