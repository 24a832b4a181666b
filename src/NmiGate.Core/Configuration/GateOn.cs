namespace NmiGate.Core.Configuration;

/// <summary>What a rule judges when <c>confidence</c> is configured (<c>confidence.gate-on</c>).</summary>
public enum GateOn
{
    /// <summary>The metric's value on the held-out set; the interval is reported alongside.</summary>
    Point,

    /// <summary>
    /// The whole bootstrap interval: a rule fails only when the interval lies wholly below
    /// <c>fail-below</c>, and warns when it straddles it.
    /// </summary>
    Interval,
}
