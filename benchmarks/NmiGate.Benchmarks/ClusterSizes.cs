namespace NmiGate.Benchmarks;

/// <summary>How the reference clusters' sizes are spread.</summary>
public enum ClusterSizes
{
    /// <summary>Every cluster holds N/K rows.</summary>
    Balanced,

    /// <summary>Every cluster has a different size (an arithmetic run around N/K).</summary>
    Distinct,
}
