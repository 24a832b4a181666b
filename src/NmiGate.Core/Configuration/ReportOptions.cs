using NmiGate.Core.Reporting;

namespace NmiGate.Core.Configuration;

/// <summary>The <c>report</c> section: how the Markdown report (report.md, job summary, PR comment) looks.</summary>
/// <param name="Charts">Which charts the Markdown carries (<c>report.charts: none | mermaid</c>).</param>
/// <param name="Source">Where the <c>report</c> key is.</param>
public sealed record ReportOptions(Sourced<ReportCharts> Charts, ValueSource Source);
