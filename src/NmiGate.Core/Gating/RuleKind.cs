namespace NmiGate.Core.Gating;

/// <summary>What a rule compares a metric with.</summary>
public enum RuleKind
{
    /// <summary><c>fail-below</c> / <c>warn-below</c>: a fixed threshold.</summary>
    Threshold,

    /// <summary><c>max-drop</c>: the last result recorded in the gate's history for the same reference version.</summary>
    MaxDrop,
}
