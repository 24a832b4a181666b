using System.Globalization;
using NmiGate.Core.Diff;
using NmiGate.Core.Gating;

namespace NmiGate.Core.Reporting;

/// <summary>
/// The report for people at a terminal: the verdict line, one line per metric, the totals of the
/// diff and its biggest movements. ANSI colours only when asked (see <see cref="UseColor"/>).
/// </summary>
public static class ConsoleReportRenderer
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";
    private const string Red = "\u001b[31m";
    private const string Green = "\u001b[32m";
    private const string Yellow = "\u001b[33m";

    /// <summary>
    /// Colour when the output is a terminal and the user has not opted out
    /// (<see href="https://no-color.org">NO_COLOR</see> set to anything non-empty, or <c>TERM=dumb</c>).
    /// </summary>
    public static bool UseColor(bool outputRedirected, string? noColor, string? term) =>
        !outputRedirected && string.IsNullOrEmpty(noColor) && !string.Equals(term, "dumb", StringComparison.Ordinal);

    /// <summary>Writes the compact rendering, listing at most <paramref name="maxClusters"/> moved reference clusters.</summary>
    public static void Write(GateReport report, TextWriter output, bool color, int maxClusters = 10)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        string Paint(string text, string style) => color ? style + text + Reset : text;
        string VerdictText(Verdict verdict) => Paint(GateResult.VerdictWord(verdict), verdict switch
        {
            Verdict.Pass => Green + Bold,
            Verdict.Warn => Yellow + Bold,
            _ => Red + Bold,
        });

        var decisive = report.Decisive is { DecisiveThreshold: { } threshold } d
            ? $" · {Safe(d.Name)} {Metric(d.Value)} {(d.Verdict == Verdict.Pass ? ">=" : "<")} {d.DecisiveThresholdName} {Metric(threshold)}"
            : string.Empty;
        output.WriteLine($"{VerdictText(report.Verdict)} gate {Safe(report.GateName)}{decisive} · reference {Safe(report.ReferenceVersion)}");

        var nameWidth = report.Metrics.Select(m => Safe(m.Name).Length).DefaultIfEmpty(0).Max();
        foreach (var m in report.Metrics)
        {
            var interval = m.Interval is { } ci ? $" [{Metric(ci.Lower)}, {Metric(ci.Upper)}]" : string.Empty;
            var limits = string.Concat(
                m.FailBelow is { } f ? $" fail<{Metric(f)}" : string.Empty,
                m.WarnBelow is { } w ? $" warn<{Metric(w)}" : string.Empty,
                m.Delta is { } delta ? " Δ" + delta.ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture) : string.Empty);
            var line = $"  {Safe(m.Name).PadRight(nameWidth)}  {Metric(m.Value)}{interval}{limits}";
            output.WriteLine(m.Verdict is { } v ? $"{line}  {VerdictText(v)}" : Paint(line, Dim));
        }

        foreach (var finding in report.Findings)
        {
            var style = finding.Severity == FindingSeverity.Error ? Red : finding.Severity == FindingSeverity.Warning ? Yellow : Dim;
            output.WriteLine(Paint($"  {(finding.Code is { } code ? Safe(code) + " " : string.Empty)}{Safe(finding.Message, 500)}", style));
        }

        foreach (var slice in report.Slices.Where(s => s.TooSmall))
        {
            output.WriteLine(Paint($"  slice {Safe(slice.Name)}: {Count(slice.Rows)} rows, too small to gate", Yellow));
        }

        var diff = report.Diff;
        var kinds = diff.ReferenceClusters.Where(c => c.Kind != ChangeKind.Stable).GroupBy(c => c.Kind)
            .Select(g => $"{Count(g.Count())} {MarkdownReportRenderer.KindWord(g.Key)}");
        var changes = string.Join(", ", diff.NewClusters.Count > 0 ? kinds.Append($"{Count(diff.NewClusters.Count)} new") : kinds);
        output.WriteLine(Paint(
            $"Moved {Count(diff.MovedRows)} of {Count(diff.RowCount)} rows ({Percent(diff.RowCount == 0 ? 0 : (double)diff.MovedRows / diff.RowCount)})"
            + (changes.Length > 0 ? ": " + changes : ": every reference cluster stable"),
            Bold));
        var moved = diff.ReferenceClusters.Where(c => c.MovedRows > 0).ToList();
        foreach (var c in moved.Take(maxClusters))
        {
            var flag = c.Kind switch
            {
                ChangeKind.Split => "split into " + string.Join(", ", c.SplitInto.Select(f => Safe(f.Label))),
                ChangeKind.MergedInto => $"merged into {Safe(c.MergedInto!.Label)}",
                _ => JsonReportRenderer.Kind(c.Kind),
            };
            var match = c.Match is { } m ? Safe(m.CandidateLabel) : "-";
            output.WriteLine($"  {Safe(c.Label)} ({Count(c.Size)}) -> {match}: kept {Percent(c.KeptShare)}, moved {Count(c.MovedRows)}  {Paint(flag, c.Kind == ChangeKind.Stable ? Dim : Yellow)}");
        }

        if (moved.Count > maxClusters)
        {
            output.WriteLine(Paint($"  ... {Count(moved.Count - maxClusters)} more reference clusters with moved rows (see report.md)", Dim));
        }
    }

    /// <summary>A label from an untrusted file, cut, with control characters (ANSI escapes above all) replaced.</summary>
    private static string Safe(string text, int maxLength = MarkdownText.MaxLabelLength) =>
        string.Concat(MarkdownText.Cut(text, maxLength).Select(c => char.IsControl(c) ? '?' : c));

    private static string Metric(double value) => MarkdownText.Metric(value);

    private static string Count(long value) => MarkdownText.Count(value);

    private static string Percent(double share) => MarkdownText.Percent(share);
}
