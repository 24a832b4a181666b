namespace NmiGate.Core.Gating;

/// <summary>How a host wants the verdict decided, beyond <c>nmigate.yml</c>.</summary>
/// <param name="FailOnWarn">A <see cref="Verdict.Warn"/> gate ends as <see cref="Verdict.Fail"/> (the CLI's <c>--fail-on-warn</c>).</param>
public sealed record GateCheckOptions(bool FailOnWarn = false)
{
    /// <summary>Warnings stay warnings.</summary>
    public static GateCheckOptions Default { get; } = new();
}
