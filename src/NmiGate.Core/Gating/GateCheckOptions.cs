namespace NmiGate.Core.Gating;

/// <summary>How a host wants the verdict decided, beyond <c>nmigate.yml</c>.</summary>
/// <param name="FailOnWarn">A <see cref="Verdict.Warn"/> gate ends as <see cref="Verdict.Fail"/> (the CLI's <c>--fail-on-warn</c>).</param>
/// <param name="Record">Append the result to the gate's <c>history.jsonl</c> in the registry (the CLI's <c>--record</c>).</param>
/// <param name="KeepRows">
/// Align the rows by id text and keep them on <see cref="GateResult.Aligned"/>, so a report can show
/// samples of moved ids. Off by default: a plain check counts by 64-bit id hashes, which is faster and
/// holds no per-row strings; hosts turn it on only when they write a report.
/// </param>
public sealed record GateCheckOptions(bool FailOnWarn = false, bool Record = false, bool KeepRows = false)
{
    /// <summary>Warnings stay warnings; nothing is recorded.</summary>
    public static GateCheckOptions Default { get; } = new();
}
