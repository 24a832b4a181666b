using BenchmarkDotNet.Attributes;
using NmiGate.Core.Configuration;
using NmiGate.Core.Gating;

namespace NmiGate.Benchmarks;

/// <summary>
/// Benchmark 4: a whole <c>check</c> (<see cref="GateCheck.Run"/> on <c>nmigate.yml</c>: load the
/// configuration, resolve and hash-verify the reference, score 10^6 rows × 20 features with a
/// K = 10 KMeans model, align by id, metrics, thresholds) against ML.NET scoring alone
/// (<see cref="Baselines.MlNetScoreOnly"/>). Each call takes seconds, hence a short job. Peak memory is
/// measured separately, in fresh processes (<see cref="PeakMemory"/>).
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class CheckBenchmarks
{
    private string configPath = "";
    private string modelPath = "";
    private string dataPath = "";

    /// <summary>Builds the cached workspace if needed, and checks once that the gate passes on all rows.</summary>
    [GlobalSetup]
    public void Setup()
    {
        configPath = CheckWorkspace.EnsureCreated();
        modelPath = CheckWorkspace.ModelPath;
        dataPath = CheckWorkspace.DataPath;
        var result = GateCheck();
        var sum = Baselines.MlNetScoreOnly.Run(modelPath, dataPath, out var rows);
        Console.WriteLine($"// Check: gate {result.Verdict}, {result.RowCount} rows, NMI {result.Metrics.NmiArithmetic}; ML.NET alone {rows} rows, key sum {sum}");
        if (result.Verdict != Verdict.Pass || result.RowCount != CheckWorkspace.Rows || rows != CheckWorkspace.Rows)
        {
            throw new InvalidOperationException($"The check workspace is not what the benchmark expects ({CheckWorkspace.Folder}); delete it and rerun.");
        }
    }

    /// <summary>Load the model with its loader, read the CSV through it, transform, sum the PredictedLabel keys.</summary>
    [Benchmark(Baseline = true)]
    public ulong MlNetScoreOnly() => Baselines.MlNetScoreOnly.Run(modelPath, dataPath, out _);

    /// <summary>NmiGate's check, as <c>nmigate check</c> runs it (minus rendering).</summary>
    [Benchmark]
    public GateResult GateCheck() => Core.Gating.GateCheck.Run(GateConfiguration.Load(configPath));
}
