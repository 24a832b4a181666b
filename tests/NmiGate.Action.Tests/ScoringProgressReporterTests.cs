using NmiGate.Action.Rendering;
using NmiGate.Core.Scoring;

namespace NmiGate.Action.Tests;

public sealed class ScoringProgressReporterTests
{
    [Fact]
    public void A_redirected_stderr_gets_only_the_final_line_with_rows_and_time()
    {
        using var stderr = new StringWriter();
        var reporter = new ScoringProgressReporter(stderr, interactive: false);

        reporter.Report(new ScoringProgress(65_536, TimeSpan.FromSeconds(5)));
        reporter.Finish(100_000, TimeSpan.FromSeconds(7.5));

        Assert.Equal("nmigate: scored 100000 rows in 7.50 s" + Environment.NewLine, stderr.ToString());
    }

    [Fact]
    public void A_terminal_gets_a_progress_line_only_after_two_seconds_and_it_is_cleared_at_the_end()
    {
        using var stderr = new StringWriter();
        var reporter = new ScoringProgressReporter(stderr, interactive: true);

        reporter.Report(new ScoringProgress(65_536, TimeSpan.FromSeconds(1)));
        Assert.Empty(stderr.ToString());
        reporter.Report(new ScoringProgress(131_072, TimeSpan.FromSeconds(3)));
        reporter.Finish(150_000, TimeSpan.FromSeconds(3.5));

        var text = stderr.ToString();
        Assert.StartsWith("\rnmigate: scoring... 131,072 rows, 3 s\r", text, StringComparison.Ordinal);
        Assert.EndsWith("\rnmigate: scored 150000 rows in 3.50 s" + Environment.NewLine, text, StringComparison.Ordinal);
    }
}
