namespace NmiGate.Core.Registry;

/// <summary>What to register beyond the gate's configuration.</summary>
/// <param name="ToolVersion">The registering tool's version, recorded in the manifest.</param>
/// <param name="LabelsPath">A partition file (<c>id,cluster</c>, e.g. a hand-made taxonomy) to register instead of scoring the model; null to score.</param>
/// <param name="Note">A note for the manifest (why this reference), or null.</param>
public sealed record RegistrationRequest(string ToolVersion, string? LabelsPath = null, string? Note = null);
