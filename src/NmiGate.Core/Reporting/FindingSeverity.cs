namespace NmiGate.Core.Reporting;

/// <summary>How serious a finding is; declared from mildest to worst so the worst sorts last.</summary>
public enum FindingSeverity
{
    /// <summary>For information (e.g. a rule that does not apply yet).</summary>
    Info,

    /// <summary>A warning: the gate passes unless fail-on-warn is set.</summary>
    Warning,

    /// <summary>A failure: the gate fails.</summary>
    Error,
}
