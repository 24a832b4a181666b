using System.Globalization;
using NmiGate.Core.Configuration;
using NmiGate.Core.Diff;
using NmiGate.Core.Gating;
using NmiGate.Core.Metrics;
using NmiGate.Core.Partitions;
using NmiGate.Core.Reporting;

namespace NmiGate.Core.Tests.Reporting;

/// <summary>
/// Representative gate reports built from real partitions: rows with ids are aligned, counted,
/// scored against thresholds, diffed, sampled and bootstrapped by the real engine; only the
/// partitions are made up.
/// </summary>
internal static class ReportCases
{
    public const ulong Seed = 7;

    /// <summary>The case names, also the golden files' names.</summary>
    public static readonly string[] Names = ["stable", "one-split", "two-merged", "new-cluster", "huge-k"];

    public static GateReport Build(string name, ReportCharts charts = ReportCharts.None) => name switch
    {
        // Identical groupings, every cluster renamed, as after a retrain with another seed.
        "stable" => FromCells(name, charts, ("A", "x", 500), ("B", "y", 300), ("C", "z", 200)),
        "one-split" => FromCells(name, charts, ("A", "x", 300), ("A", "y", 200), ("B", "z", 300), ("B", "x", 5), ("C", "w", 200)),
        "two-merged" => FromCells(name, charts, ("A", "x", 300), ("B", "x", 250), ("B", "y", 10), ("C", "z", 200), ("D", "y", 240)),
        "new-cluster" => FromCells(name, charts, ("A", "x", 440), ("A", "n", 60), ("B", "y", 260), ("B", "n", 40), ("C", "z", 200)),
        "huge-k" => HugeK(charts),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown case."),
    };

    /// <summary>A report of the given cells (reference label, candidate label, rows).</summary>
    public static GateReport FromCells(string gate, ReportCharts charts, params (string Reference, string Candidate, int Rows)[] cells)
    {
        var reference = new List<string>();
        var candidate = new List<string>();
        foreach (var (r, c, rows) in cells)
        {
            for (var i = 0; i < rows; i++)
            {
                reference.Add(r);
                candidate.Add(c);
            }
        }

        return FromLabels(gate, charts, [.. reference], [.. candidate]);
    }

    /// <summary>K = 1000 on 100,000 rows: every cluster renamed, 30% of rows relabelled at random (seeded).</summary>
    public static GateReport HugeK(ReportCharts charts = ReportCharts.None, int clusters = 1000, int rows = 100_000)
    {
        var random = new Random(20261123);
        var reference = new string[rows];
        var candidate = new string[rows];
        for (var i = 0; i < rows; i++)
        {
            var r = i % clusters;
            var c = random.NextDouble() < 0.3 ? random.Next(clusters) : ((r * 7) + 3) % clusters;
            reference[i] = string.Create(CultureInfo.InvariantCulture, $"ref-{r}");
            candidate[i] = string.Create(CultureInfo.InvariantCulture, $"c{c}");
        }

        return FromLabels("huge-k", charts, reference, candidate);
    }

    public static GateReport FromLabels(string gate, ReportCharts charts, string[] referenceLabels, string[] candidateLabels)
    {
        var ids = new string[referenceLabels.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = string.Create(CultureInfo.InvariantCulture, $"id-{i:D6}");
        }

        var aligned = AlignedPartitions.Align(InMemory("reference.csv", ids, referenceLabels), InMemory("candidate.csv", ids, candidateLabels));
        var table = aligned.ToContingencyTable();
        var metrics = MetricSet.From(table);
        var rules = ThresholdEvaluator.Evaluate(Thresholds(), metrics);
        var result = new GateResult(gate, "v3", table.RowCount, metrics, table, rules, ThresholdEvaluator.Combine(rules), FailedOnWarn: false, TimeSpan.FromSeconds(1));
        var diff = ContingencyDiff.Compute(table);
        var intervals = Bootstrap.Intervals(table, [t => t.NormalizedMutualInformation(), t => t.AdjustedRandIndex()], resamples: 200, level: 0.95, seed: Seed);
        return GateReport.From(result, diff, new ReportInputs
        {
            MovedIds = ContingencyDiff.SampleMovedIds(aligned, diff, perCluster: 3, Seed),
            Intervals = new Dictionary<string, ConfidenceInterval> { ["nmi_arithmetic"] = intervals[0], ["ari"] = intervals[1] },
            Charts = charts,
            Provenance = new ReportProvenance(
                "0.1.0-test",
                ModelSha256: new string('a', 64),
                DataSha256: new string('b', 64),
                ReferenceSha256: new string('c', 64),
                Seed: Seed,
                Commit: "0123456789abcdef0123456789abcdef01234567",
                Time: new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero)),
        });
    }

    /// <summary>nmi: fail below 0.8, warn below 0.9; ari: warn below 0.7 (as in nmigate.yml line 9 and 10).</summary>
    public static ThresholdOptions Thresholds()
    {
        var file = Path.Combine("repo", "nmigate.yml");
        return new ThresholdOptions(new Dictionary<GateMetric, MetricThreshold>
        {
            [GateMetric.Nmi] = new(GateMetric.Nmi, null, Sourced(0.8, file, 9), Sourced(0.9, file, 9), ValueSource.InFile(file, 9, 3)),
            [GateMetric.Ari] = new(GateMetric.Ari, null, null, Sourced(0.7, file, 10), ValueSource.InFile(file, 10, 3)),
        });

        static Sourced<double> Sourced(double value, string file, int line) => new(value, ValueSource.InFile(file, line, 10));
    }

    private static Partition InMemory(string file, string[] ids, string[] clusters)
    {
        var rowById = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            rowById[ids[i]] = i;
        }

        return new Partition(file, PartitionColumns.Default, ids, clusters, new long[ids.Length], rowById, clusters.Distinct(StringComparer.Ordinal).Count());
    }
}
