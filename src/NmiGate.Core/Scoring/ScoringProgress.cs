namespace NmiGate.Core.Scoring;

/// <summary>Scoring progress for a host to render.</summary>
/// <param name="Rows">Rows scored so far.</param>
/// <param name="Elapsed">Time since scoring started (model loading included).</param>
public readonly record struct ScoringProgress(long Rows, TimeSpan Elapsed);
