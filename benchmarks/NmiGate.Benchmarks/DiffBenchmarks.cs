using System.Globalization;
using BenchmarkDotNet.Attributes;
using NmiGate.Core.Diff;
using NmiGate.Core.Metrics;
using NmiGate.Core.Partitions;

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
    private AlignedPartitions aligned = null!;
    private ClusterDiff diff = null!;

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
    [GlobalSetup(Targets = [nameof(Nmi), nameof(Diff)])]
    public void Setup()
    {
        var (reference, candidate) = Labels();
        table = ContingencyTable.FromLabels(reference, candidate);
        var check = ContingencyDiff.Compute(table);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Check N={N} K={K} {Candidate}: {table.CellCount} cells, {check.Matches.Count} matches, {check.MovedRows} moved rows"));
        if (check.KeptRows + check.MovedRows != table.RowCount)
        {
            throw new InvalidOperationException("The diff's totals do not add up to N.");
        }
    }

    /// <summary>
    /// Aligned partitions of the same labels (ids "r0", "r1", ..., built in memory rather than read
    /// from files) and their diff, for the moved-id sample.
    /// </summary>
    [GlobalSetup(Target = nameof(SampleMovedIds))]
    public void SetupAligned()
    {
        var (reference, candidate) = Labels();
        aligned = AlignedPartitions.Align(InMemory(reference), InMemory(candidate));
        diff = ContingencyDiff.Compute(aligned.ToContingencyTable());

        static Partition InMemory(int[] labels)
        {
            var ids = new string[labels.Length];
            var clusters = new string[labels.Length];
            var rowById = new Dictionary<string, int>(labels.Length, StringComparer.Ordinal);
            for (var i = 0; i < labels.Length; i++)
            {
                ids[i] = string.Create(CultureInfo.InvariantCulture, $"r{i}");
                clusters[i] = labels[i].ToString(CultureInfo.InvariantCulture);
                rowById[ids[i]] = i;
            }

            return new Partition("memory.csv", PartitionColumns.Default, ids, clusters, new long[labels.Length], rowById, labels.Distinct().Count());
        }
    }

    /// <summary>NMI alone on the same table.</summary>
    [Benchmark(Baseline = true)]
    public double Nmi() => table.NormalizedMutualInformation();

    /// <summary>The whole diff: dense weights, matching, per-cluster entries, new clusters.</summary>
    [Benchmark]
    public ClusterDiff Diff() => ContingencyDiff.Compute(table);

    /// <summary>Ten moved ids per reference cluster: one pass over the N aligned rows.</summary>
    [Benchmark]
    public IReadOnlyList<MovedIdSample> SampleMovedIds() => ContingencyDiff.SampleMovedIds(aligned, diff, perCluster: 10, seed: 42);

    private (int[] Reference, int[] Candidate) Labels()
    {
        var (reference, candidate) = LabelData.Generate(N, K, ClusterSizes.Balanced);
        var random = new Random(LabelData.DefaultSeed + 1);
        for (var i = 0; i < candidate.Length; i++)
        {
            // Renamed (7 is coprime with 100 and 1000, so this is a permutation), or replaced.
            candidate[i] = Candidate == "Noisy" ? ((candidate[i] * 7) + 3) % K : random.Next(K);
        }

        return (reference, candidate);
    }
}
