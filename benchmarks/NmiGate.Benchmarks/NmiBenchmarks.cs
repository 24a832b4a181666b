using BenchmarkDotNet.Attributes;
using NmiGate.Benchmarks.Baselines;
using NmiGate.Core.Metrics;

namespace NmiGate.Benchmarks;

/// <summary>
/// Benchmark 1: NMI from two <c>int[]</c> labelings, against the straightforward dictionary
/// count (the Ratio baseline) and the floor of reading both arrays once.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
[Config(typeof(PerRowBenchmarkConfig))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class NmiBenchmarks
{
    private int[] reference = [];
    private int[] candidate = [];

    /// <summary>Rows.</summary>
    [Params(1_000_000, 10_000_000)]
    public int N { get; set; }

    /// <summary>Clusters on each side (balanced, 30% noise).</summary>
    [Params(10, 100, 1000)]
    public int K { get; set; }

    /// <summary>Generates the labels and checks that both implementations agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (reference, candidate) = LabelData.Generate(N, K, ClusterSizes.Balanced);
        var expected = DictionaryNmi.Compute(reference, candidate);
        var actual = NmiGate();
        // The two sum up to a million cell terms in different orders: agree to rounding, not bits.
        if (Math.Abs(expected - actual) > 1e-10 * Math.Abs(expected))
        {
            throw new InvalidOperationException($"NMI disagrees: dictionary {expected:R}, NmiGate {actual:R}.");
        }
    }

    /// <summary>Count into a Dictionary&lt;(int, int), long&gt;, then NMI.</summary>
    [Benchmark(Baseline = true)]
    public double Dictionary() => DictionaryNmi.Compute(reference, candidate);

    /// <summary>Read both arrays once: the floor.</summary>
    [Benchmark]
    public int ReadBothArrays() => ReadFloor.Sum(reference, candidate);

    /// <summary>NmiGate: count into a contingency table, then NMI.</summary>
    [Benchmark]
    public double NmiGate() => ContingencyTable.FromLabels(reference, candidate).NormalizedMutualInformation();
}
