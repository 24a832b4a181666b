namespace NmiGate.Core.Metrics;

/// <summary>
/// How NMI and AMI normalise mutual information by the two entropies (scikit-learn's
/// <c>average_method</c>). <see cref="Arithmetic"/> is the default, as in scikit-learn and torchmetrics.
/// </summary>
public enum AverageMethod
{
    /// <summary>min(H(reference), H(candidate)).</summary>
    Min,

    /// <summary>sqrt(H(reference) · H(candidate)).</summary>
    Geometric,

    /// <summary>(H(reference) + H(candidate)) / 2. The default.</summary>
    Arithmetic,

    /// <summary>max(H(reference), H(candidate)).</summary>
    Max,
}
