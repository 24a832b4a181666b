namespace NmiGate.Core.Reporting;

/// <summary>Charts the Markdown report carries (<c>report.charts</c>).</summary>
public enum ReportCharts
{
    /// <summary>Tables only.</summary>
    None,

    /// <summary>A Mermaid flow of the biggest movements, with a table carrying the same numbers.</summary>
    Mermaid,
}
