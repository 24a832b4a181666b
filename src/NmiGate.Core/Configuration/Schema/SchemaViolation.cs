using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Configuration.Schema;

/// <summary>A constraint a value breaks, before it is given a location.</summary>
/// <param name="Code">The diagnostic code.</param>
/// <param name="Message">What is wrong and what was expected.</param>
/// <param name="Suggestion">The closest valid name, for a probable typo.</param>
internal readonly record struct SchemaViolation(DiagnosticCode Code, string Message, string? Suggestion = null);
