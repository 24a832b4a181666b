using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.ML;
using NmiGate.Benchmarks.Baselines;
using NmiGate.Core.Metrics;

namespace NmiGate.Benchmarks;

/// <summary>
/// Benchmark 1, ML.NET baseline: <c>mlContext.Clustering.Evaluate</c> on the same labels,
/// streamed through <see cref="LabelScoreDataView"/>. ML.NET sorts the K scores of every row
/// (LINQ <c>OrderBy</c>) to find the assigned cluster, so its cost grows like K log K per row:
/// measured at N = 10^6 only (about 20 s per call at K = 1000), with a short job.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
[Config(typeof(PerRowBenchmarkConfig))]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class NmiMlNetBenchmarks
{
    private readonly MLContext mlContext = new(seed: 0);
    private int[] reference = [];
    private int[] candidate = [];
    private LabelScoreDataView data = null!;

    /// <summary>Rows.</summary>
    [Params(1_000_000)]
    public int N { get; set; }

    /// <summary>Clusters on each side (balanced, 30% noise).</summary>
    [Params(10, 100, 1000)]
    public int K { get; set; }

    /// <summary>Generates the labels and the streaming view over them.</summary>
    [GlobalSetup(Target = nameof(NmiGate))]
    public void Setup()
    {
        (reference, candidate) = LabelData.Generate(N, K, ClusterSizes.Balanced);
        data = new LabelScoreDataView(reference, candidate, K);
    }

    /// <summary>
    /// As <see cref="Setup"/>, then checks once that ML.NET's "NMI" is MI / H(reference), i.e.
    /// NmiGate's homogeneity, not the symmetric NMI.
    /// </summary>
    [GlobalSetup(Target = nameof(MlNetEvaluate))]
    public void SetupAndCheck()
    {
        Setup();
        var table = ContingencyTable.FromLabels(reference, candidate);
        var mlNet = MlNetEvaluate();
        var homogeneity = table.Homogeneity();
        var nmi = table.NormalizedMutualInformation();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Check N={N} K={K}: ML.NET NMI {mlNet:R}, NmiGate homogeneity {homogeneity:R}, NmiGate NMI {nmi:R}"));
        if (Math.Abs(mlNet - homogeneity) > 1e-9)
        {
            throw new InvalidOperationException($"ML.NET's NMI {mlNet:R} is not MI/H(label) = {homogeneity:R}.");
        }
    }

    /// <summary>ML.NET's ClusteringEvaluator over the streamed rows; returns its "NMI".</summary>
    [Benchmark(Baseline = true)]
    public double MlNetEvaluate() =>
        mlContext.Clustering.Evaluate(data, labelColumnName: LabelScoreDataView.LabelColumn, scoreColumnName: LabelScoreDataView.ScoreColumn).NormalizedMutualInformation;

    /// <summary>NmiGate on the same labels: contingency table, then homogeneity (ML.NET's quantity).</summary>
    [Benchmark]
    public double NmiGate() => ContingencyTable.FromLabels(reference, candidate).Homogeneity();
}
