using NmiGate.Core.Metrics;

namespace NmiGate.Core.Registry;

/// <summary>The version written by <see cref="Registration.Run"/> and how it compares with the one before.</summary>
/// <param name="Version">The new version and its manifest.</param>
/// <param name="Previous">The version compared with (the latest before this one), or null for a first registration.</param>
/// <param name="AgainstPrevious">Every metric of the new partition against <paramref name="Previous"/>, or null when there is none or the ids differ.</param>
/// <param name="ComparisonSkipped">Why no comparison was made although a previous version exists (its ids differ), or null.</param>
/// <param name="ScoringElapsed">How long scoring took, or null when a labels file was registered.</param>
public sealed record RegistrationResult(
    RegistryVersion Version,
    RegistryVersion? Previous,
    MetricSet? AgainstPrevious,
    string? ComparisonSkipped,
    TimeSpan? ScoringElapsed);
