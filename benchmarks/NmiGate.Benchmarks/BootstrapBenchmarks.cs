using BenchmarkDotNet.Attributes;
using NmiGate.Benchmarks.Baselines;
using NmiGate.Core.Metrics;

namespace NmiGate.Benchmarks;

/// <summary>
/// Benchmark 3: a 95% bootstrap interval for NMI at K = 100. NmiGate draws each replicate as one
/// multinomial over the table's cells (O(cells), independent of N); the baseline resamples the N
/// rows. Row resampling at N = 10^7 costs about a quarter of a second per replicate, so the
/// baseline runs <see cref="BaselineResamples"/> replicates per call; both methods declare their
/// replicates as operations, so Mean is per replicate and Ratio is the per-replicate speed-up.
/// A full 1000-replicate NmiGate call costs Mean × 1000.
/// </summary>
/// <remarks>The table is counted once in setup: the bootstrap API starts from a table. Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class BootstrapBenchmarks
{
    /// <summary>Replicates per NmiGate call.</summary>
    public const int Resamples = 1000;

    /// <summary>Replicates per baseline call.</summary>
    public const int BaselineResamples = 5;

    private const ulong Seed = 42;
    private static readonly Func<ContingencyTable, double> Nmi = static t => t.NormalizedMutualInformation();
    private static readonly BootstrapMetric FastNmi = new(BootstrapMetricKind.NormalizedMutualInformation);

    private ContingencyTable table = null!;
    private ContingencyTable sameShape = null!;
    private RowResamplingBootstrap rowResampling = null!;

    /// <summary>Rows.</summary>
    [Params(100_000, 10_000_000)]
    public int N { get; set; }

    /// <summary>Clusters on each side (balanced, 30% noise).</summary>
    [Params(100)]
    public int K { get; set; }

    /// <summary>Generates the labels and counts the observed table.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (reference, candidate) = LabelData.Generate(N, K, ClusterSizes.Balanced);
        table = ContingencyTable.FromLabels(reference, candidate);
        rowResampling = new RowResamplingBootstrap(reference, candidate);
        sameShape = SameShape(N, K);
    }

    /// <summary>Row resampling: <see cref="BaselineResamples"/> replicates, each O(N).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = BaselineResamples)]
    public double RowResampling() => rowResampling.Interval(Nmi, BaselineResamples, 0.95, Seed).Lower;

    /// <summary>NmiGate's <c>Bootstrap.Interval</c>: <see cref="Resamples"/> multinomial replicates.</summary>
    [Benchmark(OperationsPerInvoke = Resamples)]
    public double NmiGate() => Bootstrap.Interval(table, Nmi, Resamples, 0.95, Seed).Lower;

    /// <summary>
    /// The same bootstrap on a table whose cells are those of the N = 10^7 table, with counts scaled
    /// to N (at least 1). Generated tables differ in shape as well as in N (at N = 10^5 about 5% of
    /// the K² cells stay empty); this isolates the effect of N alone.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Resamples)]
    public double NmiGateSameShape() => Bootstrap.Interval(sameShape, Nmi, Resamples, 0.95, Seed).Lower;

    /// <summary>
    /// <see cref="NmiGateSameShape"/> on one thread: on a shared 2-core machine a parallel run is
    /// slowed by whatever else holds a core, so the N-independence claim rests on this one.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Resamples)]
    public double NmiGateSameShapeOneThread() =>
        Bootstrap.Intervals(sameShape, [Nmi], Resamples, 0.95, Seed, maxDegreeOfParallelism: 1)[0].Lower;

    /// <summary>The named-metric fast path the gate uses (Poisson sampler, sums instead of a resampled table).</summary>
    [Benchmark(OperationsPerInvoke = Resamples)]
    public double NmiGateFastPath() => Bootstrap.Intervals(table, [FastNmi], Resamples, 0.95, Seed)[0].Lower;

    /// <summary><see cref="NmiGateFastPath"/> on the same-shape table.</summary>
    [Benchmark(OperationsPerInvoke = Resamples)]
    public double NmiGateSameShapeFastPath() => Bootstrap.Intervals(sameShape, [FastNmi], Resamples, 0.95, Seed)[0].Lower;

    /// <summary><see cref="NmiGateSameShapeFastPath"/> on one thread.</summary>
    [Benchmark(OperationsPerInvoke = Resamples)]
    public double NmiGateSameShapeFastPathOneThread() =>
        Bootstrap.Intervals(sameShape, [FastNmi], Resamples, 0.95, Seed, maxDegreeOfParallelism: 1)[0].Lower;

    private static ContingencyTable SameShape(int n, int k)
    {
        const int ShapeRows = 10_000_000;
        var (reference, candidate) = LabelData.Generate(ShapeRows, k, ClusterSizes.Balanced);
        var shape = ContingencyTable.FromLabels(reference, candidate);
        return ContingencyTable.FromCounts(shape.Cells.Select(c => (
            shape.ReferenceLabels[c.Reference],
            shape.CandidateLabels[c.Candidate],
            Math.Max(1, (long)Math.Round((double)c.Count * n / ShapeRows)))));
    }
}
