using System.Globalization;
using NmiGate.Core.Gating;

namespace NmiGate.Action.Rendering;

/// <summary><c>check</c>'s output for people: the reference and rows, one row per rule, the messages of broken rules, the verdict line.</summary>
internal static class GateResultTextRenderer
{
    public static void Write(GateResult result, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Gate '{result.GateName}': {result.RowCount} rows compared with reference {result.ReferenceVersion} ({result.Metrics.ReferenceClusters} reference clusters, {result.Metrics.CandidateClusters} candidate clusters)"));
        output.WriteLine();
        string[] header = ["Metric", "Value", "Fail below", "Warn below", "Verdict"];
        var rows = result.Rules.Select(r => new[]
        {
            r.MetricName,
            Number(r.Value),
            r.Threshold.FailBelow is { } fail ? Number(fail.Value) : "-",
            r.Threshold.WarnBelow is { } warn ? Number(warn.Value) : "-",
            GateResult.VerdictWord(r.Verdict),
        }).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Select(r => r[c].Length).Append(header[c].Length).Max()).ToArray();
        WriteRow(output, header, widths);
        WriteRow(output, [.. widths.Select(w => new string('-', w))], widths);
        foreach (var row in rows)
        {
            WriteRow(output, row, widths);
        }

        var broken = result.Rules.Where(r => r.Verdict != Verdict.Pass).ToList();
        if (broken.Count > 0)
        {
            output.WriteLine();
            foreach (var rule in broken)
            {
                output.WriteLine($"{GateResult.VerdictWord(rule.Verdict)}: {rule.Message}");
            }
        }

        output.WriteLine();
        output.WriteLine(result.Summary);
    }

    private static string Number(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static void WriteRow(TextWriter output, string[] cells, int[] widths) =>
        output.WriteLine(string.Join("  ", cells.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd());
}
