using NmiGate.Core.Metrics;

namespace NmiGate.Core.Registry;

/// <summary>Metrics of a newly registered partition (candidate) against an earlier version (reference).</summary>
/// <param name="Version">The earlier version compared with (<c>v2</c>).</param>
/// <param name="Metrics">Metric values by their stable keys (<see cref="MetricEntry.Key"/>, e.g. <c>nmi_arithmetic</c>).</param>
public sealed record RegistrationComparison(string Version, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>Records every finite metric of <paramref name="metrics"/>, measured against <paramref name="version"/>.</summary>
    public static RegistrationComparison From(string version, MetricSet metrics)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        ArgumentNullException.ThrowIfNull(metrics);

        // JSON has no NaN or infinity; a metric that is undefined for these partitions is left out.
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var entry in metrics.Entries().Where(e => double.IsFinite(e.Value)))
        {
            values[entry.Key] = entry.Value;
        }

        return new RegistrationComparison(version, values);
    }
}
