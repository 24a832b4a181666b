namespace NmiGate.Core.Metrics;

/// <summary>A built-in metric, named so that <see cref="Bootstrap"/> can take its fast path.</summary>
public enum BootstrapMetricKind
{
    /// <summary><see cref="ContingencyTable.MutualInformation"/>.</summary>
    MutualInformation,

    /// <summary><see cref="ContingencyTable.NormalizedMutualInformation"/> under the metric's average.</summary>
    NormalizedMutualInformation,

    /// <summary><see cref="ContingencyTable.AdjustedMutualInformation(AverageMethod)"/> under the metric's average.</summary>
    AdjustedMutualInformation,

    /// <summary><see cref="ContingencyTable.Homogeneity"/>.</summary>
    Homogeneity,

    /// <summary><see cref="ContingencyTable.Completeness"/>.</summary>
    Completeness,

    /// <summary><see cref="ContingencyTable.VMeasure"/> with β = 1.</summary>
    VMeasure,

    /// <summary><see cref="ContingencyTable.AdjustedRandIndex"/>.</summary>
    AdjustedRandIndex,

    /// <summary><see cref="ContingencyTable.RandIndex"/>.</summary>
    RandIndex,

    /// <summary><see cref="ContingencyTable.FowlkesMallows"/>.</summary>
    FowlkesMallows,
}

/// <summary>
/// A built-in metric and, for NMI and AMI, its normalisation. Bootstrapping these needs only a few
/// sums per replicate, never a resampled table (see <see cref="Bootstrap"/>).
/// </summary>
/// <param name="Kind">Which metric.</param>
/// <param name="Average">The mean of the entropies for NMI and AMI; ignored by the others.</param>
public readonly record struct BootstrapMetric(BootstrapMetricKind Kind, AverageMethod Average = AverageMethod.Arithmetic)
{
    /// <summary>The metric on a table, by the table's own method.</summary>
    public double Evaluate(ContingencyTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Kind switch
        {
            BootstrapMetricKind.MutualInformation => table.MutualInformation(),
            BootstrapMetricKind.NormalizedMutualInformation => table.NormalizedMutualInformation(Average),
            BootstrapMetricKind.AdjustedMutualInformation => table.AdjustedMutualInformation(Average),
            BootstrapMetricKind.Homogeneity => table.Homogeneity(),
            BootstrapMetricKind.Completeness => table.Completeness(),
            BootstrapMetricKind.VMeasure => table.VMeasure(),
            BootstrapMetricKind.AdjustedRandIndex => table.AdjustedRandIndex(),
            BootstrapMetricKind.RandIndex => table.RandIndex(),
            BootstrapMetricKind.FowlkesMallows => table.FowlkesMallows(),
            _ => throw new InvalidOperationException($"{Kind} is not a built-in metric."),
        };
    }

    /// <summary>The same metric as a function, for the generic path.</summary>
    public Func<ContingencyTable, double> ToFunction()
    {
        var metric = this;
        return metric.Evaluate;
    }
}
