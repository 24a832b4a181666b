using NmiGate.Core.Reporting;

namespace NmiGate.Core.Tests.Reporting;

public sealed class ConsoleReportRendererTests
{
    [Theory]
    [InlineData(false, null, "xterm-256color", true)]
    [InlineData(true, null, "xterm-256color", false)]
    [InlineData(false, "1", "xterm-256color", false)]
    [InlineData(false, "", "xterm-256color", true)]
    [InlineData(false, null, "dumb", false)]
    public void Colour_only_on_a_terminal_without_NO_COLOR(bool redirected, string? noColor, string? term, bool expected)
    {
        Assert.Equal(expected, ConsoleReportRenderer.UseColor(redirected, noColor, term));
    }

    [Fact]
    public void Plain_rendering_has_no_escape_codes_and_states_verdict_metrics_and_movements()
    {
        var report = ReportCases.Build("one-split");
        using var output = new StringWriter();

        ConsoleReportRenderer.Write(report, output, color: false);

        var text = output.ToString();
        Assert.DoesNotContain('\u001b', text);
        Assert.StartsWith("WARN gate one-split · nmi (arithmetic) 0.8391 < warn-below 0.9000 · reference v3", text, StringComparison.Ordinal);
        Assert.Contains($"Moved {report.Diff.MovedRows} of {report.RowCount:N0} rows", text, StringComparison.Ordinal);
        Assert.Contains("A (500) -> x: kept 60.0%, moved 200  split into x, y", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Coloured_rendering_paints_the_verdict()
    {
        using var output = new StringWriter();

        ConsoleReportRenderer.Write(ReportCases.Build("huge-k"), output, color: true, maxClusters: 3);

        var text = output.ToString();
        Assert.StartsWith("\u001b[31m\u001b[1mFAIL\u001b[0m gate huge-k", text, StringComparison.Ordinal);
        Assert.Contains("997 more reference clusters with moved rows", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_cannot_smuggle_terminal_escape_codes()
    {
        var report = ReportCases.FromCells("gate", ReportCharts.None, ("\u001b[2Jevil", "x", 60), ("\u001b[2Jevil", "y", 40), ("B", "z", 100));
        using var output = new StringWriter();

        ConsoleReportRenderer.Write(report, output, color: false);

        Assert.DoesNotContain('\u001b', output.ToString());
        Assert.Contains("?[2Jevil (100)", output.ToString(), StringComparison.Ordinal);
    }
}
