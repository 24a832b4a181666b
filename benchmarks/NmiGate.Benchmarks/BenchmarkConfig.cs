using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace NmiGate.Benchmarks;

/// <summary>Columns every NmiGate benchmark shows on top of BenchmarkDotNet's defaults: the median and the per-row cost.</summary>
internal sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddColumn(StatisticColumn.Median);
        AddColumn(new NanosecondsPerRowColumn());
    }
}
