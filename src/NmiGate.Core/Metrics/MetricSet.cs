namespace NmiGate.Core.Metrics;

/// <summary>
/// Every metric NmiGate reports for one reference/candidate pair, computed once from a
/// <see cref="ContingencyTable"/> by <see cref="From"/>. Immutable; the compare command prints it
/// and the gate checks its thresholds against it.
/// </summary>
public sealed record MetricSet
{
    /// <summary>
    /// Why NmiGate's NMI differs from the "NMI" ML.NET's <c>Clustering.Evaluate</c> reports. Every
    /// report for people carries it, so nobody compares the two numbers as if they were one.
    /// </summary>
    public const string MlNetNmiNote =
        "ML.NET's Clustering.Evaluate \"NMI\" is MI / H(reference), i.e. homogeneity: "
        + "it reaches 1 whenever the candidate over-segments.";

    private MetricSet()
    {
    }

    /// <summary>Number of rows compared.</summary>
    public long Rows { get; private init; }

    /// <summary>Number of clusters in the reference partition.</summary>
    public int ReferenceClusters { get; private init; }

    /// <summary>Number of clusters in the candidate partition.</summary>
    public int CandidateClusters { get; private init; }

    /// <summary>NMI normalised by min(H(reference), H(candidate)).</summary>
    public double NmiMin { get; private init; }

    /// <summary>NMI normalised by sqrt(H(reference) · H(candidate)).</summary>
    public double NmiGeometric { get; private init; }

    /// <summary>NMI normalised by the arithmetic mean of the entropies (the default; equals V-measure).</summary>
    public double NmiArithmetic { get; private init; }

    /// <summary>NMI normalised by max(H(reference), H(candidate)).</summary>
    public double NmiMax { get; private init; }

    /// <summary>AMI normalised by min(H(reference), H(candidate)).</summary>
    public double AmiMin { get; private init; }

    /// <summary>AMI normalised by sqrt(H(reference) · H(candidate)).</summary>
    public double AmiGeometric { get; private init; }

    /// <summary>AMI normalised by the arithmetic mean of the entropies (the default).</summary>
    public double AmiArithmetic { get; private init; }

    /// <summary>AMI normalised by max(H(reference), H(candidate)).</summary>
    public double AmiMax { get; private init; }

    /// <summary>Mutual information I(reference; candidate), in nats.</summary>
    public double MutualInformation { get; private init; }

    /// <summary>Expected mutual information of random partitions with the same cluster sizes, in nats.</summary>
    public double ExpectedMutualInformation { get; private init; }

    /// <summary>Adjusted Rand index.</summary>
    public double AdjustedRandIndex { get; private init; }

    /// <summary>Rand index.</summary>
    public double RandIndex { get; private init; }

    /// <summary>Homogeneity, MI / H(reference): what ML.NET calls NMI.</summary>
    public double Homogeneity { get; private init; }

    /// <summary>Completeness, MI / H(candidate).</summary>
    public double Completeness { get; private init; }

    /// <summary>V-measure with β = 1.</summary>
    public double VMeasure { get; private init; }

    /// <summary>Fowlkes-Mallows index.</summary>
    public double FowlkesMallows { get; private init; }

    /// <summary>Entropy of the reference partition, in nats.</summary>
    public double ReferenceEntropy { get; private init; }

    /// <summary>Entropy of the candidate partition, in nats.</summary>
    public double CandidateEntropy { get; private init; }

    /// <summary>Computes every metric of <paramref name="table"/>.</summary>
    /// <exception cref="ArgumentException">The table has no rows: there is nothing to measure.</exception>
    public static MetricSet From(ContingencyTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.RowCount == 0)
        {
            throw new ArgumentException("The contingency table has no rows; metrics need at least one compared row.", nameof(table));
        }

        // E[MI] dominates the cost (it sums over cluster-size combinations); compute it and MI once
        // and derive AMI for all four averages from them.
        var mi = table.MutualInformation();
        var emi = table.ExpectedMutualInformation();
        return new MetricSet
        {
            Rows = table.RowCount,
            ReferenceClusters = table.ReferenceClusterCount,
            CandidateClusters = table.CandidateClusterCount,
            NmiMin = table.NormalizedMutualInformation(AverageMethod.Min),
            NmiGeometric = table.NormalizedMutualInformation(AverageMethod.Geometric),
            NmiArithmetic = table.NormalizedMutualInformation(AverageMethod.Arithmetic),
            NmiMax = table.NormalizedMutualInformation(AverageMethod.Max),
            AmiMin = table.AdjustedMutualInformation(AverageMethod.Min, mi, emi),
            AmiGeometric = table.AdjustedMutualInformation(AverageMethod.Geometric, mi, emi),
            AmiArithmetic = table.AdjustedMutualInformation(AverageMethod.Arithmetic, mi, emi),
            AmiMax = table.AdjustedMutualInformation(AverageMethod.Max, mi, emi),
            MutualInformation = mi,
            ExpectedMutualInformation = emi,
            AdjustedRandIndex = table.AdjustedRandIndex(),
            RandIndex = table.RandIndex(),
            Homogeneity = table.Homogeneity(),
            Completeness = table.Completeness(),
            VMeasure = table.VMeasure(),
            FowlkesMallows = table.FowlkesMallows(),
            ReferenceEntropy = table.ReferenceEntropy,
            CandidateEntropy = table.CandidateEntropy,
        };
    }

    /// <summary>NMI under <paramref name="average"/>.</summary>
    public double Nmi(AverageMethod average) => average switch
    {
        AverageMethod.Min => NmiMin,
        AverageMethod.Geometric => NmiGeometric,
        AverageMethod.Arithmetic => NmiArithmetic,
        AverageMethod.Max => NmiMax,
        _ => throw new ArgumentOutOfRangeException(nameof(average), average, "Use Min, Geometric, Arithmetic or Max."),
    };

    /// <summary>AMI under <paramref name="average"/>.</summary>
    public double Ami(AverageMethod average) => average switch
    {
        AverageMethod.Min => AmiMin,
        AverageMethod.Geometric => AmiGeometric,
        AverageMethod.Arithmetic => AmiArithmetic,
        AverageMethod.Max => AmiMax,
        _ => throw new ArgumentOutOfRangeException(nameof(average), average, "Use Min, Geometric, Arithmetic or Max."),
    };

    /// <summary>Every metric in the stable machine order (the order of the JSON keys).</summary>
    public IReadOnlyList<MetricEntry> Entries() =>
    [
        NmiEntry(AverageMethod.Min),
        NmiEntry(AverageMethod.Geometric),
        NmiEntry(AverageMethod.Arithmetic),
        NmiEntry(AverageMethod.Max),
        AmiEntry(AverageMethod.Min),
        AmiEntry(AverageMethod.Geometric),
        AmiEntry(AverageMethod.Arithmetic),
        AmiEntry(AverageMethod.Max),
        new("mutual_info", "Mutual information", "I(reference; candidate), in nats", MutualInformation),
        new("expected_mutual_info", "Expected MI", "E[MI] of random partitions with these cluster sizes, in nats", ExpectedMutualInformation),
        new("ari", "ARI", "Adjusted Rand index: pair agreement corrected for chance (0 random, 1 identical)", AdjustedRandIndex),
        new("rand", "Rand index", "Share of row pairs both partitions agree on", RandIndex),
        new("homogeneity", "Homogeneity", "MI / H(reference): each candidate cluster holds one reference cluster", Homogeneity),
        new("completeness", "Completeness", "MI / H(candidate): each reference cluster stays in one candidate cluster", Completeness),
        new("v_measure", "V-measure", "Harmonic mean of homogeneity and completeness", VMeasure),
        new("fmi", "Fowlkes-Mallows", "Geometric mean of pairwise precision and recall", FowlkesMallows),
        new("entropy_reference", "H(reference)", "Entropy of the reference partition, in nats", ReferenceEntropy),
        new("entropy_candidate", "H(candidate)", "Entropy of the candidate partition, in nats", CandidateEntropy),
    ];

    /// <summary>
    /// Every metric in reading order for people: NMI and AMI under <paramref name="headline"/> first,
    /// then the pair-counting and information metrics, then the other normalisations.
    /// </summary>
    public IReadOnlyList<MetricEntry> EntriesFor(AverageMethod headline)
    {
        var byKey = Entries().ToDictionary(e => e.Key, StringComparer.Ordinal);
        var others = Enum.GetValues<AverageMethod>().Where(a => a != headline).ToArray();
        string[] order =
        [
            "nmi_" + AverageName(headline),
            "ami_" + AverageName(headline),
            "ari", "rand", "homogeneity", "completeness", "v_measure", "fmi",
            "mutual_info", "expected_mutual_info", "entropy_reference", "entropy_candidate",
            .. others.Select(a => "nmi_" + AverageName(a)),
            .. others.Select(a => "ami_" + AverageName(a)),
        ];
        return Array.ConvertAll(order, key => byKey[key]);
    }

    /// <summary>The lower-case name of an average as it appears in keys and options: <c>arithmetic</c>.</summary>
    public static string AverageName(AverageMethod average) => average switch
    {
        AverageMethod.Min => "min",
        AverageMethod.Geometric => "geometric",
        AverageMethod.Arithmetic => "arithmetic",
        AverageMethod.Max => "max",
        _ => throw new ArgumentOutOfRangeException(nameof(average), average, "Use Min, Geometric, Arithmetic or Max."),
    };

    private static string Normalizer(AverageMethod average) => average switch
    {
        AverageMethod.Min => "min(H(reference), H(candidate))",
        AverageMethod.Geometric => "sqrt(H(reference) * H(candidate))",
        AverageMethod.Arithmetic => "mean(H(reference), H(candidate))",
        AverageMethod.Max => "max(H(reference), H(candidate))",
        _ => throw new ArgumentOutOfRangeException(nameof(average), average, "Use Min, Geometric, Arithmetic or Max."),
    };

    private MetricEntry NmiEntry(AverageMethod average) => new(
        "nmi_" + AverageName(average),
        $"NMI ({AverageName(average)})",
        $"Normalized mutual information, MI / {Normalizer(average)}",
        Nmi(average));

    private MetricEntry AmiEntry(AverageMethod average) => new(
        "ami_" + AverageName(average),
        $"AMI ({AverageName(average)})",
        $"Adjusted mutual information: NMI ({AverageName(average)}) corrected for chance; 0 random, 1 identical",
        Ami(average));
}
