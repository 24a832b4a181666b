using System.Collections.ObjectModel;
using System.Globalization;
using NmiGate.Core.Configuration;
using NmiGate.Core.Diff;
using NmiGate.Core.Gating;
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

    private const string Config = "/repo/nmigate.yml";

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

    public static GateReport FromLabels(string gate, ReportCharts charts, string[] referenceLabels, string[] candidateLabels, HistoryRecord? previous = null)
    {
        var ids = new string[referenceLabels.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = string.Create(CultureInfo.InvariantCulture, $"id-{i:D6}");
        }

        var aligned = AlignedPartitions.Align(InMemory("reference.csv", ids, referenceLabels), InMemory("candidate.csv", ids, candidateLabels));
        var table = aligned.ToContingencyTable();
        var options = Options(gate);
        if (previous is not null)
        {
            // A max-drop of 0.05 on NMI against the recorded result (nmigate.yml line 11).
            options = options with
            {
                Thresholds = options.Thresholds with
                {
                    MaxDrop = new Dictionary<GateMetric, Sourced<double>> { [GateMetric.Nmi] = new(0.05, At(11, 20)) },
                },
            };
        }

        var evaluation = GateEvaluator.Evaluate(options, "v3", table, [], previous);
        var result = new GateResult(gate, "v3", table.RowCount, evaluation.Metrics!, table, evaluation.Rules, evaluation.Verdict, FailedOnWarn: false, TimeSpan.FromSeconds(1))
        {
            ConfigurationFile = options.ConfigurationFile,
            Findings = evaluation.Findings,
            Slices = evaluation.Slices,
            Confidence = options.Confidence,
            Intervals = evaluation.Intervals,
            PreviousRecord = previous,
            Provenance = new GateProvenance(
                new string('a', 64),
                new string('b', 64),
                new string('c', 64),
                "v3",
                "0123456789abcdef0123456789abcdef01234567",
                new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc),
                "0.1.0-test",
                Seed),
        };
        var diff = ContingencyDiff.Compute(table);
        return GateReport.From(result, diff, new ReportInputs
        {
            MovedIds = ContingencyDiff.SampleMovedIds(aligned, diff, perCluster: 3, Seed),
            Charts = charts,
        });
    }

    /// <summary>The "one split" partitions checked against a recorded result whose NMI was <paramref name="previousNmi"/>.</summary>
    public static GateReport OneSplitAfter(double previousNmi)
    {
        var history = new HistoryRecord(
            HistoryRecord.CurrentSchemaVersion, "one-split", new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc), "v3", "pass", 1005,
            new Dictionary<string, double?> { ["nmi_arithmetic"] = previousNmi }, null, new string('a', 64), new string('b', 64), new string('c', 64), null, "0.1.0-test", Seed);
        var reference = new List<string>();
        var candidate = new List<string>();
        foreach (var (r, c, rows) in new[] { ("A", "x", 300), ("A", "y", 200), ("B", "z", 300), ("B", "x", 5), ("C", "w", 200) })
        {
            reference.AddRange(Enumerable.Repeat(r, rows));
            candidate.AddRange(Enumerable.Repeat(c, rows));
        }

        return FromLabels("one-split", ReportCharts.None, [.. reference], [.. candidate], history);
    }

    /// <summary>
    /// nmi: fail below 0.8, warn below 0.9 (nmigate.yml line 9); ari: warn below 0.7 (line 10);
    /// 200 seeded bootstrap replicates at 95%, judged on the point value.
    /// </summary>
    public static GateOptions Options(string gate)
    {
        var d = ValueSource.Default;
        var thresholds = new ThresholdOptions(new Dictionary<GateMetric, MetricThreshold>
        {
            [GateMetric.Nmi] = new(GateMetric.Nmi, null, new(0.8, At(9, 22)), new(0.9, At(9, 40)), At(9, 3)),
            [GateMetric.Ari] = new(GateMetric.Ari, null, null, new(0.7, At(10, 22)), At(10, 3)),
        });
        return new GateOptions(
            Config,
            new(1, d),
            new(gate, At(2, 7)),
            new ModelOptions(new("/repo/model.zip", d), new("PredictedLabel", d)),
            new DataOptions(new("/repo/data.csv", d), new("id", d), new(',', d), ReadOnlyDictionary<string, Sourced<IReadOnlyList<string>>>.Empty),
            new ReferenceOptions(new("/repo/.nmigate", d), new("latest", d)),
            thresholds)
        {
            Confidence = new ConfidenceOptions(new(0.95, At(12, 10)), new(200, At(12, 30)), new(Seed, At(12, 45)), new(GateOn.Point, At(12, 55)), At(12, 3)),
        };
    }

    private static ValueSource At(int line, int column) => ValueSource.InFile(Config, line, column);

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
