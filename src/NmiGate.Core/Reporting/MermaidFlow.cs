using System.Globalization;
using System.Text;
using NmiGate.Core.Diff;

namespace NmiGate.Core.Reporting;

/// <summary>
/// A Mermaid flow chart of the reference clusters that moved most, each with an edge to its match
/// (rows kept) and to its listed destinations, followed by a table carrying the same numbers (a
/// chart alone is neither searchable nor readable by screen readers).
/// </summary>
internal static class MermaidFlow
{
    public static string Render(ClusterDiff diff, int maxClusters)
    {
        var moving = diff.ReferenceClusters.Where(c => c.MovedRows > 0).Take(maxClusters).ToList();
        var output = new StringBuilder("#### Flow of the biggest movements\n\n");
        if (moving.Count == 0)
        {
            return output.Append("No rows moved.\n").ToString();
        }

        var edges = new List<(ReferenceClusterChange From, int To, string ToLabel, long Rows, double Share, bool Kept)>();
        foreach (var change in moving)
        {
            if (change.Match is { } match)
            {
                edges.Add((change, match.Candidate, match.CandidateLabel, change.KeptRows, change.KeptShare, true));
            }

            edges.AddRange(change.Destinations.Select(d => (change, d.Cluster, d.Label, d.Rows, d.Share, false)));
        }

        output.Append("```mermaid\nflowchart LR\n");
        foreach (var change in moving)
        {
            output.Append(CultureInfo.InvariantCulture, $"  r{change.Reference}[\"ref {Label(change.Label)} · {MarkdownText.Count(change.Size)}\"]\n");
        }

        foreach (var (to, label) in edges.Select(e => (e.To, e.ToLabel)).Distinct())
        {
            output.Append(CultureInfo.InvariantCulture, $"  c{to}[\"cand {Label(label)}\"]\n");
        }

        foreach (var edge in edges)
        {
            var arrow = edge.Kept ? "==>" : "-->";
            output.Append(CultureInfo.InvariantCulture, $"  r{edge.From.Reference} {arrow}|\"{MarkdownText.Count(edge.Rows)} ({MarkdownText.Percent(edge.Share)})\"| c{edge.To}\n");
        }

        output.Append("```\n\n");
        MarkdownText.Table(
            output,
            ["From reference", "To candidate", "Rows", "Share of reference", "Kind"],
            [false, false, true, true, false],
            edges.Select(e => new[]
            {
                MarkdownText.Escape(e.From.Label),
                MarkdownText.Escape(e.ToLabel),
                MarkdownText.Count(e.Rows),
                MarkdownText.Percent(e.Share),
                e.Kept ? "kept (match)" : "moved",
            }));
        return output.ToString();
    }

    /// <summary>
    /// A label inside a quoted Mermaid node: letters, digits, spaces and a few safe marks stay;
    /// everything else becomes Mermaid's <c>#code;</c> entity, so no label can end the string, the
    /// node or the code fence, or inject markup.
    /// </summary>
    internal static string Label(string label)
    {
        var text = MarkdownText.Cut(label, MarkdownText.MaxLabelLength);
        var output = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || rune.Value is ' ' or '.' or ',' or '-' or '_' or '…')
            {
                output.Append(rune.ToString());
            }
            else
            {
                output.Append('#').Append(rune.Value.ToString(CultureInfo.InvariantCulture)).Append(';');
            }
        }

        return output.ToString();
    }
}
