namespace NmiGate.Core.Diff;

/// <summary>
/// What happened to a reference cluster in the candidate partition. Exactly one applies; they are
/// tested in the order declared here (see docs/diff.md for the definitions and examples).
/// </summary>
public enum ChangeKind
{
    /// <summary>Two or more candidate clusters each take at least <see cref="DiffOptions.SplitShare"/> of it.</summary>
    Split,

    /// <summary>
    /// Its main destination takes at least <see cref="DiffOptions.MergeShare"/> of it and also at
    /// least that share of another reference cluster.
    /// </summary>
    MergedInto,

    /// <summary>No candidate cluster is matched to it (none is left, or its best match shares no rows), and it is neither split nor merged.</summary>
    Vanished,

    /// <summary>Its matched candidate cluster keeps at least <see cref="DiffOptions.StableShare"/> of it.</summary>
    Stable,

    /// <summary>Matched, but keeps less than <see cref="DiffOptions.StableShare"/> and is neither split nor merged.</summary>
    Shrunk,
}
