using System.Text;
using NmiGate.Core.Diff;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Reporting;

/// <summary>
/// The full contingency matrix in aligned order, folded in <c>&lt;details&gt;</c>: reference
/// clusters as rows in label order; as columns first each row's matched candidate cluster (so kept
/// rows sit on the diagonal, in bold), then the unmatched candidate clusters. Cells show the count
/// and its share of the row.
/// </summary>
internal static class ContingencyMatrix
{
    public static string Render(ClusterDiff diff, ContingencyTable table)
    {
        var referenceCount = table.ReferenceClusterCount;
        var candidateCount = table.CandidateClusterCount;
        var matchOf = new int[referenceCount];
        Array.Fill(matchOf, -1);
        var matched = new bool[candidateCount];
        foreach (var match in diff.Matches)
        {
            matchOf[match.Reference] = match.Candidate;
            matched[match.Candidate] = true;
        }

        var columns = matchOf.Where(c => c >= 0).Concat(Enumerable.Range(0, candidateCount).Where(c => !matched[c])).ToArray();
        var columnOf = new int[candidateCount];
        for (var i = 0; i < columns.Length; i++)
        {
            columnOf[columns[i]] = i;
        }

        var counts = new long[referenceCount * candidateCount];
        foreach (var cell in table.Cells)
        {
            counts[(cell.Reference * candidateCount) + columnOf[cell.Candidate]] = cell.Count;
        }

        var sizes = table.ReferenceSizes;
        var rows = new List<string[]>(referenceCount);
        for (var r = 0; r < referenceCount; r++)
        {
            var row = new string[columns.Length + 2];
            row[0] = MarkdownText.Escape(table.ReferenceLabels[r]);
            for (var j = 0; j < columns.Length; j++)
            {
                var count = counts[(r * candidateCount) + j];
                var text = count == 0 ? "·" : $"{MarkdownText.Count(count)} ({MarkdownText.Percent((double)count / sizes[r])})";
                row[j + 1] = count > 0 && columns[j] == matchOf[r] ? $"**{text}**" : text;
            }

            row[^1] = MarkdownText.Count(sizes[r]);
            rows.Add(row);
        }

        string[] header =
        [
            "Reference ╲ candidate",
            .. columns.Select(c => MarkdownText.Escape(table.CandidateLabels[c]) + (matched[c] ? string.Empty : " (new)")),
            "Total",
        ];
        var output = new StringBuilder($"<details><summary>Contingency matrix ({MarkdownText.Count(referenceCount)} × {MarkdownText.Count(candidateCount)}, aligned; row shares)</summary>\n\n");
        MarkdownText.Table(output, header, [false, .. Enumerable.Repeat(true, columns.Length + 1)], rows);
        output.Append("\n</details>\n");
        return output.ToString();
    }
}
