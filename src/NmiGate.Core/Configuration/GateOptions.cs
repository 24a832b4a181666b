namespace NmiGate.Core.Configuration;

/// <summary>
/// A gate's complete, validated configuration: defaults, then <c>nmigate.yml</c>, then host overrides.
/// Immutable; every value remembers its <see cref="ValueSource"/>. Paths are absolute.
/// </summary>
/// <param name="ConfigurationFile">The full path of the <c>nmigate.yml</c> read.</param>
/// <param name="Version">The configuration format version (1).</param>
/// <param name="Name">The gate's id (<c>[a-z0-9-]+</c>): its registry entry and PR comment key.</param>
/// <param name="Model">The model to score.</param>
/// <param name="Data">The held-out data to score it on.</param>
/// <param name="Reference">The registered reference partition to compare against.</param>
/// <param name="Thresholds">The per-metric thresholds and maximum drops.</param>
public sealed record GateOptions(
    string ConfigurationFile,
    Sourced<int> Version,
    Sourced<string> Name,
    ModelOptions Model,
    DataOptions Data,
    ReferenceOptions Reference,
    ThresholdOptions Thresholds)
{
    /// <summary>The <c>confidence</c> section; <see langword="null"/> when absent (no intervals are computed).</summary>
    public ConfidenceOptions? Confidence { get; init; }

    /// <summary>The <c>slices</c> items, in file order; empty when absent.</summary>
    public IReadOnlyList<SliceOptions> Slices { get; init; } = [];

    /// <summary>The <c>report</c> section; <see langword="null"/> when absent (tables only, no charts).</summary>
    public ReportOptions? Report { get; init; }
}
