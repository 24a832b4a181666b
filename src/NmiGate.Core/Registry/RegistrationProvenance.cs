namespace NmiGate.Core.Registry;

/// <summary>Where a partition being registered came from.</summary>
/// <param name="ToolVersion">The NmiGate version registering it.</param>
/// <param name="ModelPath">The model file to hash; null for a labels-file registration.</param>
/// <param name="DataPath">The held-out data file to hash; null for a labels-file registration.</param>
/// <param name="Note">Why this reference is being accepted (goes into the manifest and the PR diff).</param>
public sealed record RegistrationProvenance(string ToolVersion, string? ModelPath = null, string? DataPath = null, string? Note = null);
