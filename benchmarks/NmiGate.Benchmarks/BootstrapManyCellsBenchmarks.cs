using BenchmarkDotNet.Attributes;
using NmiGate.Core.Metrics;

namespace NmiGate.Benchmarks;

/// <summary>
/// Issue 4's bootstrap at many cells: N = 10^6, K = 100 (10^4 cells) and K = 1000 (≈ 2.6·10^5
/// cells, most holding 1 or 2 rows), NMI alone and NMI + AMI, on one thread. "Before" is the
/// function path with every cell drawn by conditional binomials and a resampled table per
/// replicate; "after" is the named-metric fast path (Poisson sampler, sums instead of a table).
/// Both run <see cref="Replicates"/> replicates per call, declared as operations: Mean is per
/// replicate, and 1000 replicates cost Mean × 1000.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class BootstrapManyCellsBenchmarks
{
    /// <summary>Replicates per call; the old path at K = 1000 costs ~25 ms each.</summary>
    public const int Replicates = 50;

    private const ulong Seed = 42;
    private static readonly Func<ContingencyTable, double> Nmi = static t => t.NormalizedMutualInformation();
    private static readonly Func<ContingencyTable, double> Ami = static t => t.AdjustedMutualInformation();
    private static readonly BootstrapMetric FastNmi = new(BootstrapMetricKind.NormalizedMutualInformation);
    private static readonly BootstrapMetric FastAmi = new(BootstrapMetricKind.AdjustedMutualInformation);

    private ContingencyTable table = null!;

    /// <summary>Clusters on each side (balanced, 30% noise).</summary>
    [Params(100, 1000)]
    public int K { get; set; }

    /// <summary>Counts the observed table of 10^6 rows.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (reference, candidate) = LabelData.Generate(1_000_000, K, ClusterSizes.Balanced);
        table = ContingencyTable.FromLabels(reference, candidate);
    }

    /// <summary>Before: conditional binomials for every cell, WithCounts, the table's NMI.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Replicates)]
    public double NmiBefore() => Bootstrap.Intervals(table, [Nmi], Replicates, 0.95, Seed, maxDegreeOfParallelism: 1, poissonSampler: false)[0].Lower;

    /// <summary>After: the fast path.</summary>
    [Benchmark(OperationsPerInvoke = Replicates)]
    public double NmiAfter() => Bootstrap.Intervals(table, [FastNmi], Replicates, 0.95, Seed, maxDegreeOfParallelism: 1)[0].Lower;

    /// <summary>The function path with the Poisson sampler (what a custom metric gets).</summary>
    [Benchmark(OperationsPerInvoke = Replicates)]
    public double NmiFunctionPath() => Bootstrap.Intervals(table, [Nmi], Replicates, 0.95, Seed, maxDegreeOfParallelism: 1)[0].Lower;

    /// <summary>Before, NMI and AMI on the same replicates.</summary>
    [Benchmark(OperationsPerInvoke = Replicates)]
    public double NmiAmiBefore() => Bootstrap.Intervals(table, [Nmi, Ami], Replicates, 0.95, Seed, maxDegreeOfParallelism: 1, poissonSampler: false)[1].Lower;

    /// <summary>After, NMI and AMI on the same replicates (E[MI] once per replicate).</summary>
    [Benchmark(OperationsPerInvoke = Replicates)]
    public double NmiAmiAfter() => Bootstrap.Intervals(table, [FastNmi, FastAmi], Replicates, 0.95, Seed, maxDegreeOfParallelism: 1)[1].Lower;
}
