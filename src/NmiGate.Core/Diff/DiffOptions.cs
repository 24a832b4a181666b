namespace NmiGate.Core.Diff;

/// <summary>Thresholds and limits of the contingency diff; shares are fractions of a cluster's rows.</summary>
public sealed record DiffOptions
{
    /// <summary>The defaults: stable at 90% kept, split and merge at 20%, five destinations listed.</summary>
    public static DiffOptions Default { get; } = new();

    /// <summary>Kept share at or above which a matched reference cluster is <see cref="ChangeKind.Stable"/>.</summary>
    public double StableShare { get; init; } = 0.9;

    /// <summary>Share each of two or more candidate clusters must take for <see cref="ChangeKind.Split"/>.</summary>
    public double SplitShare { get; init; } = 0.2;

    /// <summary>Share of both reference clusters a candidate cluster must hold for <see cref="ChangeKind.MergedInto"/>.</summary>
    public double MergeShare { get; init; } = 0.2;

    /// <summary>How many destinations (or, for new clusters, sources) are listed by name; the rest are summed.</summary>
    public int MaxDestinations { get; init; } = 5;

    /// <exception cref="ArgumentOutOfRangeException">A share is outside (0, 1] or the limit is negative.</exception>
    internal void Validate()
    {
        RequireShare(StableShare, nameof(StableShare));
        RequireShare(SplitShare, nameof(SplitShare));
        RequireShare(MergeShare, nameof(MergeShare));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxDestinations, nameof(MaxDestinations));

        static void RequireShare(double value, string name)
        {
            if (!(value > 0 && value <= 1))
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} is a share of a cluster's rows and must be in (0, 1].");
            }
        }
    }
}
