using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NmiGate.Benchmarks;

/// <summary>The median divided by the benchmark's row count parameter <c>N</c>: the per-row cost the targets are stated in.</summary>
internal sealed class NanosecondsPerRowColumn : IColumn
{
    public string Id => nameof(NanosecondsPerRowColumn);

    public string ColumnName => "ns/row";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Median time per row (median / N)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        var rows = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "N")?.Value;
        if (statistics is null || rows is null)
        {
            return "-";
        }

        var perRow = statistics.Median / Convert.ToDouble(rows, CultureInfo.InvariantCulture);
        return perRow.ToString(perRow < 100 ? "0.000" : "N0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
