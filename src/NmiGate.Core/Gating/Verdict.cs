namespace NmiGate.Core.Gating;

/// <summary>The outcome of one rule, and of the whole gate (the worst of its rules).</summary>
public enum Verdict
{
    /// <summary>Every threshold holds.</summary>
    Pass,

    /// <summary>A <c>warn-below</c> threshold is broken, no <c>fail-below</c> one.</summary>
    Warn,

    /// <summary>A <c>fail-below</c> threshold is broken, or a metric could not be computed.</summary>
    Fail,
}
