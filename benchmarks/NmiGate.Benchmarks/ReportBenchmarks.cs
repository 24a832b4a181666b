using System.Collections.ObjectModel;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using NmiGate.Core.Configuration;
using NmiGate.Core.Diff;
using NmiGate.Core.Gating;
using NmiGate.Core.Metrics;
using NmiGate.Core.Reporting;

namespace NmiGate.Benchmarks;

/// <summary>
/// Everything a gate does after the table is counted: the verdict (every metric, the rules, 1000
/// bootstrap replicates of the gated metrics), the contingency diff and all three renderers, at
/// N = 10^6, against computing NMI alone on the same table. Split into its parts so the README can
/// say where the time goes.
/// </summary>
/// <remarks>
/// Not sealed: BenchmarkDotNet derives from benchmark classes. Three warmups: a whole report is one
/// call per iteration, and with one warmup the bootstrap's loops were still tiering up (the three
/// measured iterations fell 882 → 837 → 720 ms).
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class ReportBenchmarks
{
    private const int Resamples = 1000;

    private static readonly ThresholdOptions Thresholds = new(new Dictionary<GateMetric, MetricThreshold>
    {
        [GateMetric.Nmi] = new(GateMetric.Nmi, null, new Sourced<double>(0.8, ValueSource.Default), new Sourced<double>(0.9, ValueSource.Default), ValueSource.Default),
        [GateMetric.Ari] = new(GateMetric.Ari, null, null, new Sourced<double>(0.7, ValueSource.Default), ValueSource.Default),
    });

    private ContingencyTable table = null!;
    private GateReport report = null!;

    /// <summary>Rows.</summary>
    [Params(1_000_000)]
    public int N { get; set; }

    /// <summary>Clusters on each side.</summary>
    [Params(100, 1000)]
    public int K { get; set; }

    /// <summary>Counts the table once (<see cref="LabelData"/>'s noisy candidate, clusters renamed) and builds one report for the renderers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (reference, candidate) = LabelData.Generate(N, K, ClusterSizes.Balanced);
        for (var i = 0; i < candidate.Length; i++)
        {
            // Renamed as after a retrain (7 is coprime with 100 and 1000: a permutation).
            candidate[i] = ((candidate[i] * 7) + 3) % K;
        }

        table = ContingencyTable.FromLabels(reference, candidate);
        report = Build(withBootstrap: false);
        var markdown = MarkdownReportRenderer.Render(report);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Check N={N} K={K}: {table.CellCount} cells, verdict {report.Verdict}, Markdown {markdown.Length} chars, moved {report.Diff.MovedRows}"));
        if (markdown.Length > MarkdownReportRenderer.GitHubCommentLimit || report.Diff.KeptRows + report.Diff.MovedRows != N)
        {
            throw new InvalidOperationException("The Markdown is over GitHub's limit or the diff's totals do not add up to N.");
        }
    }

    /// <summary>NMI alone on the same table.</summary>
    [Benchmark(Baseline = true)]
    public double Nmi() => table.NormalizedMutualInformation();

    /// <summary>The whole report: verdict with 1000 bootstrap replicates of NMI and ARI, diff, Markdown, JSON and console.</summary>
    [Benchmark]
    public long WholeReport() => Render(Build(withBootstrap: true));

    /// <summary>The same without the bootstrap: verdict, diff and renderers.</summary>
    [Benchmark]
    public long ReportWithoutBootstrap() => Render(Build(withBootstrap: false));

    /// <summary>The three renderers of a ready report.</summary>
    [Benchmark]
    public long RenderersOnly() => Render(report);

    private GateReport Build(bool withBootstrap)
    {
        // The gate's own evaluator: every metric, the rules, and (with confidence) 1000 seeded replicates of NMI and ARI.
        var options = Options(withBootstrap);
        var evaluation = GateEvaluator.Evaluate(options, "v1", table, [], previous: null);
        var result = new GateResult("bench", "v1", table.RowCount, evaluation.Metrics!, table, evaluation.Rules, evaluation.Verdict, FailedOnWarn: false, TimeSpan.Zero)
        {
            Findings = evaluation.Findings,
            Intervals = evaluation.Intervals,
            Confidence = options.Confidence,
        };
        return GateReport.From(result, ContingencyDiff.Compute(table), new ReportInputs
        {
            Charts = ReportCharts.Mermaid,
            Provenance = new ReportProvenance("bench", Seed: 7),
        });
    }

    private static GateOptions Options(bool withBootstrap)
    {
        var d = ValueSource.Default;
        return new GateOptions(
            "nmigate.yml",
            new(1, d),
            new("bench", d),
            new ModelOptions(new("model.zip", d), new("PredictedLabel", d)),
            new DataOptions(new("data.csv", d), new("id", d), new(',', d), ReadOnlyDictionary<string, Sourced<IReadOnlyList<string>>>.Empty),
            new ReferenceOptions(new(".nmigate", d), new("latest", d)),
            Thresholds)
        {
            Confidence = withBootstrap ? new ConfidenceOptions(new(0.95, d), new(Resamples, d), new(7UL, d), new(GateOn.Point, d), d) : null,
        };
    }

    private static long Render(GateReport report)
    {
        var markdown = MarkdownReportRenderer.Render(report);
        using var json = new MemoryStream();
        JsonReportRenderer.Write(report, json);
        ConsoleReportRenderer.Write(report, TextWriter.Null, color: true);
        return markdown.Length + json.Length;
    }
}
