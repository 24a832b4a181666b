namespace NmiGate.Benchmarks;

/// <summary><see cref="BenchmarkConfig"/> plus the median per row, for benchmarks that read N rows.</summary>
internal sealed class PerRowBenchmarkConfig : BenchmarkConfig
{
    public PerRowBenchmarkConfig() => AddColumn(new NanosecondsPerRowColumn());
}
