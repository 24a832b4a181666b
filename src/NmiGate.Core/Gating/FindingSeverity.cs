namespace NmiGate.Core.Gating;

/// <summary>How much a finding weighs on the verdict.</summary>
public enum FindingSeverity
{
    /// <summary>Worth knowing, no effect on the verdict (a <c>max-drop</c> rule without history, an interval straddling <c>warn-below</c>).</summary>
    Notice,

    /// <summary>Makes the gate <see cref="Verdict.Warn"/> at least.</summary>
    Warning,

    /// <summary>Makes the gate <see cref="Verdict.Fail"/>.</summary>
    Error,
}
