using System.Globalization;
using BenchmarkDotNet.Attributes;
using NmiGate.Core.Diff;
using NmiGate.Core.Metrics;

namespace NmiGate.Benchmarks;

/// <summary>
/// The contingency diff (Hungarian matching plus per-cluster report) of a ready table at
/// N = 10^6, against computing NMI alone on the same table. The table is counted in setup: both
/// sides start from it, as the report does.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class DiffBenchmarks
{
    private ContingencyTable table = null!;

    /// <summary>Rows.</summary>
    [Params(1_000_000)]
    public int N { get; set; }

    /// <summary>Clusters on each side.</summary>
    [Params(100, 1000)]
    public int K { get; set; }

    /// <summary>
    /// Noisy: <see cref="LabelData"/>'s candidate (30% of rows relabelled at random) with its
    /// clusters renamed, as after a retrain. Random: a candidate drawn uniformly, independent of
    /// the reference, so no pairing stands out (the matching's hard case).
    /// </summary>
    [Params("Noisy", "Random")]
    public string Candidate { get; set; } = "Noisy";

    /// <summary>Counts the table once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (reference, candidate) = LabelData.Generate(N, K, ClusterSizes.Balanced);
        var random = new Random(LabelData.DefaultSeed + 1);
        for (var i = 0; i < candidate.Length; i++)
        {
            // Renamed (7 is coprime with 100 and 1000, so this is a permutation), or replaced.
            candidate[i] = Candidate == "Noisy" ? ((candidate[i] * 7) + 3) % K : random.Next(K);
        }

        table = ContingencyTable.FromLabels(reference, candidate);
        var diff = ContingencyDiff.Compute(table);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Check N={N} K={K} {Candidate}: {table.CellCount} cells, {diff.Matches.Count} matches, {diff.MovedRows} moved rows"));
        if (diff.KeptRows + diff.MovedRows != table.RowCount)
        {
            throw new InvalidOperationException("The diff's totals do not add up to N.");
        }
    }

    /// <summary>NMI alone on the same table.</summary>
    [Benchmark(Baseline = true)]
    public double Nmi() => table.NormalizedMutualInformation();

    /// <summary>The whole diff: dense weights, matching, per-cluster entries, new clusters.</summary>
    [Benchmark]
    public ClusterDiff Diff() => ContingencyDiff.Compute(table);
}
