namespace NmiGate.Core.Configuration;

/// <summary>The kebab-case names of <see cref="GateMetric"/> values, as written in <c>nmigate.yml</c>.</summary>
public static class GateMetricNames
{
    private static readonly (GateMetric Metric, string Name)[] Names =
    [
        (GateMetric.Nmi, "nmi"),
        (GateMetric.Ami, "ami"),
        (GateMetric.Ari, "ari"),
        (GateMetric.Rand, "rand"),
        (GateMetric.Homogeneity, "homogeneity"),
        (GateMetric.Completeness, "completeness"),
        (GateMetric.VMeasure, "v-measure"),
        (GateMetric.Fmi, "fmi"),
    ];

    /// <summary>Every metric, in declaration order.</summary>
    public static IReadOnlyList<GateMetric> All { get; } = Array.AsReadOnly(Names.Select(n => n.Metric).ToArray());

    /// <summary>The metric's key, e.g. <c>v-measure</c>.</summary>
    public static string ToName(this GateMetric metric)
    {
        foreach (var (m, name) in Names)
        {
            if (m == metric)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a gate metric.");
    }

    /// <summary>Parses a key, exactly as written in <c>nmigate.yml</c> (case-sensitive).</summary>
    public static bool TryParse(string name, out GateMetric metric)
    {
        foreach (var (m, n) in Names)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                metric = m;
                return true;
            }
        }

        metric = default;
        return false;
    }

    /// <summary>Whether the metric is normalised by an <c>average</c> method (NMI and AMI).</summary>
    public static bool TakesAverage(this GateMetric metric) => metric is GateMetric.Nmi or GateMetric.Ami;
}
