namespace NmiGate.Core;

/// <summary>
/// The process exit codes of every NmiGate host (the <c>nmigate</c> CLI, the GitHub Action). A CI
/// step only needs these three outcomes; hosts map their result onto them and nothing else.
/// </summary>
public enum ExitCode
{
    /// <summary>The command succeeded: the gate passed, or a report was produced.</summary>
    Passed = 0,

    /// <summary>The gate evaluated and failed: the candidate partition moved too far from the reference.</summary>
    GateFailed = 1,

    /// <summary>
    /// Nothing could be evaluated: bad arguments, a missing or malformed input file, ids that do not
    /// align, or a bug. Never a pass, and kept apart from <see cref="GateFailed"/> so CI can tell
    /// "the model got worse" from "the gate is misconfigured".
    /// </summary>
    CouldNotEvaluate = 2,
}
