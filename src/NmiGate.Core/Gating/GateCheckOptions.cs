namespace NmiGate.Core.Gating;

/// <summary>How a host wants the verdict decided, beyond <c>nmigate.yml</c>.</summary>
/// <param name="FailOnWarn">A <see cref="Verdict.Warn"/> gate ends as <see cref="Verdict.Fail"/> (the CLI's <c>--fail-on-warn</c>).</param>
/// <param name="Record">Append the result to the gate's <c>history.jsonl</c> in the registry (the CLI's <c>--record</c>).</param>
/// <param name="KeepRows">
/// Align the rows by id text and keep them on <see cref="GateResult.Aligned"/> (for callers that
/// want every row's labels). Off by default: a plain check counts by 64-bit id hashes, which is
/// faster and holds no per-row strings.
/// </param>
/// <param name="SampleMovedIds">
/// Let a report show seeded samples of moved ids (<see cref="Reporting.GateReport.From"/>) without
/// keeping the rows: the samples are drawn from the hash join, and only their ids' text is read
/// back. Hosts that write a report turn this on.
/// </param>
public sealed record GateCheckOptions(bool FailOnWarn = false, bool Record = false, bool KeepRows = false, bool SampleMovedIds = false)
{
    /// <summary>Warnings stay warnings; nothing is recorded.</summary>
    public static GateCheckOptions Default { get; } = new();
}
