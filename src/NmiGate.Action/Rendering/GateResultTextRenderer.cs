using System.Globalization;
using NmiGate.Core.Gating;

namespace NmiGate.Action.Rendering;

/// <summary>
/// <c>check</c>'s output for people: the reference and rows, one row per rule (whole set, then slices),
/// every finding in the compiler shape (<c>nmigate.yml(12,3): error NMIG2001: ...</c>), the verdict line.
/// </summary>
internal static class GateResultTextRenderer
{
    public static void Write(GateResult result, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Gate '{result.GateName}': {result.RowCount} rows compared with reference {result.ReferenceVersion} ({result.Metrics.ReferenceClusters} reference clusters, {result.Metrics.CandidateClusters} candidate clusters)"));
        if (result.Confidence is { } confidence)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Intervals: {confidence.Level.Value * 100:0.#}% bootstrap, {confidence.Resamples.Value} resamples, seed {confidence.Seed.Value}; rules judge the {(confidence.GateOn.Value == Core.Configuration.GateOn.Interval ? "whole interval" : "point value")}"));
        }

        output.WriteLine();
        var withInterval = result.Confidence is not null;
        List<string> header = ["Rule", "Value"];
        if (withInterval)
        {
            header.Add("Interval");
        }

        header.AddRange(["Fail below", "Warn below", "Verdict"]);
        var rows = result.AllRules.Select(r =>
        {
            List<string> cells =
            [
                (r.Slice is null ? string.Empty : $"[{r.Slice}] ") + r.MetricName + (r.Kind == RuleKind.MaxDrop ? string.Create(CultureInfo.InvariantCulture, $" max-drop {Number(r.MaxDrop ?? 0)}") : string.Empty),
                Number(r.Value),
            ];
            if (withInterval)
            {
                cells.Add(r.Interval is { } ci ? $"{Number(ci.Lower)}..{Number(ci.Upper)}" : "-");
            }

            cells.Add(r.Kind == RuleKind.MaxDrop ? (r.Limit is { } limit ? Number(limit) : "-") : r.FailBelow is { } fail ? Number(fail) : "-");
            cells.Add(r.WarnBelow is { } warn ? Number(warn) : "-");
            cells.Add(r.Verdict is { } verdict ? GateResult.VerdictWord(verdict) : "N/A");
            return cells.ToArray();
        }).ToList();
        var widths = Enumerable.Range(0, header.Count).Select(c => rows.Select(r => r[c].Length).Append(header[c].Length).Max()).ToArray();
        WriteRow(output, [.. header], widths);
        WriteRow(output, [.. widths.Select(w => new string('-', w))], widths);
        foreach (var row in rows)
        {
            WriteRow(output, row, widths);
        }

        if (result.Findings.Count > 0)
        {
            output.WriteLine();
            foreach (var finding in result.Findings)
            {
                output.WriteLine(finding.Format(result.ConfigurationFile));
            }
        }

        if (result.RecordedTo is { } recorded)
        {
            output.WriteLine();
            output.WriteLine($"Recorded the result in {recorded}");
        }

        output.WriteLine();
        output.WriteLine(result.Summary);
    }

    private static string Number(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static void WriteRow(TextWriter output, string[] cells, int[] widths) =>
        output.WriteLine(string.Join("  ", cells.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd());
}
