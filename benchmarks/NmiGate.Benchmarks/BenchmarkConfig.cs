using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;

namespace NmiGate.Benchmarks;

/// <summary>
/// What every NmiGate benchmark shows on top of BenchmarkDotNet's defaults: the median, and the
/// ratio to the baseline as "N x faster" (the targets are speed-ups of 100× to 1000×, which the
/// default decimal ratio prints as 0.000).
/// </summary>
internal class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddColumn(StatisticColumn.Median);
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
    }
}
