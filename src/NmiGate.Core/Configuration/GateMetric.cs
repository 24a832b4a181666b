namespace NmiGate.Core.Configuration;

/// <summary>A metric a gate can put a threshold on. <see cref="GateMetricNames"/> maps each to its <c>nmigate.yml</c> key.</summary>
public enum GateMetric
{
    /// <summary>Normalized mutual information (<c>nmi</c>).</summary>
    Nmi,

    /// <summary>Adjusted mutual information (<c>ami</c>).</summary>
    Ami,

    /// <summary>Adjusted Rand index (<c>ari</c>), in [-1, 1].</summary>
    Ari,

    /// <summary>Rand index (<c>rand</c>).</summary>
    Rand,

    /// <summary>Homogeneity (<c>homogeneity</c>).</summary>
    Homogeneity,

    /// <summary>Completeness (<c>completeness</c>).</summary>
    Completeness,

    /// <summary>V-measure (<c>v-measure</c>).</summary>
    VMeasure,

    /// <summary>Fowlkes-Mallows index (<c>fmi</c>).</summary>
    Fmi,
}
