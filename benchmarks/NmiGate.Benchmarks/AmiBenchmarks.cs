using System.Globalization;
using BenchmarkDotNet.Attributes;
using NmiGate.Benchmarks.Baselines;
using NmiGate.Core.Metrics;

namespace NmiGate.Benchmarks;

/// <summary>
/// Benchmark 2: AMI of a ready contingency table at N = 10^6 (counting is benchmark 1's), against
/// scikit-learn's naive triple loop for E[MI]. The naive loop takes seconds to tens of seconds
/// per call at K = 1000, hence a short job: one warmup and three measured iterations.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class AmiBenchmarks
{
    private ContingencyTable table = null!;
    private NaiveExpectedMutualInformation naive = null!;

    /// <summary>Rows.</summary>
    [Params(1_000_000)]
    public int N { get; set; }

    /// <summary>Clusters on each side.</summary>
    [Params(10, 100, 1000)]
    public int K { get; set; }

    /// <summary>Reference cluster sizes: all equal, or all different.</summary>
    [Params(ClusterSizes.Balanced, ClusterSizes.Distinct)]
    public ClusterSizes Sizes { get; set; }

    /// <summary>Builds the table (and the naive baseline's log tables).</summary>
    [GlobalSetup(Target = nameof(NmiGate))]
    public void Setup()
    {
        var (reference, candidate) = LabelData.Generate(N, K, Sizes);
        table = ContingencyTable.FromLabels(reference, candidate);
        naive = new NaiveExpectedMutualInformation(N);
    }

    /// <summary>As <see cref="Setup"/>, then checks once that the naive and fast E[MI] agree to 1e-8.</summary>
    [GlobalSetup(Target = nameof(Naive))]
    public void SetupAndCheck()
    {
        Setup();
        var slow = naive.Compute(table.ReferenceSizes, table.CandidateSizes, table.RowCount);
        var fast = table.ExpectedMutualInformation();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Check N={N} K={K} {Sizes}: naive EMI {slow:R}, NmiGate EMI {fast:R}, difference {Math.Abs(slow - fast):E2}"));
        if (Math.Abs(slow - fast) > 1e-8)
        {
            throw new InvalidOperationException($"E[MI] disagrees: naive {slow:R}, NmiGate {fast:R}.");
        }
    }

    /// <summary>AMI with scikit-learn's triple loop for E[MI].</summary>
    [Benchmark(Baseline = true)]
    public double Naive() => naive.AdjustedMutualInformation(table);

    /// <summary>NmiGate's AMI (grouped sizes, mode-outward hypergeometric walk).</summary>
    [Benchmark]
    public double NmiGate() => table.AdjustedMutualInformation();
}
