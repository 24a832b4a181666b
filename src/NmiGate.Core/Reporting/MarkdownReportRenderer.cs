using System.Globalization;
using System.Text;
using NmiGate.Core.Diff;
using NmiGate.Core.Gating;

namespace NmiGate.Core.Reporting;

/// <summary>
/// The report as GitHub-flavoured Markdown for a pull-request comment or a job summary: the
/// verdict line first, the metrics, what moved, the folded matrix, an optional Mermaid flow, and
/// provenance last, under a hidden marker so a bot can update its comment in place. See docs/report.md.
/// </summary>
public static class MarkdownReportRenderer
{
    /// <summary>GitHub's limit on a comment body, in characters.</summary>
    public const int GitHubCommentLimit = 65_536;

    // Cells above which the full matrix is not even built: at a few characters a cell it could never fit.
    private const int MaxMatrixCells = 20_000;

    // Shorter forms of the diff table: the reference clusters that moved most.
    private static readonly int[] DiffTableSizes = [400, 300, 200, 100, 50, 20];

    // Reference clusters drawn in the Mermaid flow (biggest movements first): more is unreadable.
    private const int MaxChartClusters = 10;

    /// <summary>The hidden marker that identifies this gate's comment: <c>&lt;!-- nmigate:NAME --&gt;</c>.</summary>
    public static string Marker(string gateName) => $"<!-- nmigate:{MarkerName(gateName)} -->";

    /// <summary>Renders <paramref name="report"/> in at most <paramref name="maxLength"/> characters, shrinking whole sections by priority.</summary>
    public static string Render(GateReport report, int maxLength = GitHubCommentLimit)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1024);

        // In reading order; drop ranks say which shrinks first (the matrix, then samples, then the chart...).
        MarkdownSection[] sections =
        [
            MarkdownSection.Fixed(Marker(report.GateName) + "\n" + VerdictLine(report)),
            Findings(report),
            MarkdownSection.Fixed(Metrics(report)),
            Slices(report),
            MarkdownSection.Fixed(DiffSummary(report)),
            DiffTable(report),
            NewClusters(report),
            MovedIds(report),
            Matrix(report),
            Chart(report),
        ];
        return new Budget(report, sections, maxLength).Fit();
    }

    /// <summary>
    /// Picks one form per section so the report fits. Each form is rendered at most once, and sizes
    /// are added up rather than assembled, so trying forms costs little even at K = 1000.
    /// </summary>
    private sealed class Budget(GateReport report, MarkdownSection[] sections, int maxLength)
    {
        private readonly int[] chosen = new int[sections.Length];
        private readonly string?[][] rendered = [.. sections.Select(s => new string?[s.Forms.Count])];

        public string Fit()
        {
            while (Length() > maxLength)
            {
                var next = -1;
                for (var i = 0; i < sections.Length; i++)
                {
                    if (chosen[i] < sections[i].Forms.Count - 1 && (next < 0 || sections[i].DropRank < sections[next].DropRank))
                    {
                        next = i;
                    }
                }

                if (next < 0)
                {
                    // Only fixed sections are left; they are bounded (labels are cut), so this is a bug.
                    throw new InvalidOperationException($"The report's fixed sections alone take {Length()} characters, over the limit of {maxLength}.");
                }

                chosen[next]++;
            }

            Regrow();
            return Assemble();
        }

        /// <summary>
        /// Shrinking goes by rank, so a section may have shrunk further than needed once a bigger one
        /// gave way too: give back the richest form that still fits, most important sections first.
        /// </summary>
        private void Regrow()
        {
            foreach (var i in Enumerable.Range(0, sections.Length).OrderByDescending(i => sections[i].DropRank))
            {
                var current = chosen[i];
                for (var form = 0; form < current; form++)
                {
                    chosen[i] = form;
                    if (Length() <= maxLength)
                    {
                        break;
                    }

                    chosen[i] = current;
                }
            }
        }

        private string Text(int i) => rendered[i][chosen[i]] ??= sections[i].Forms[chosen[i]].Render();

        private int Length()
        {
            var length = Tail().Length;
            for (var i = 0; i < sections.Length; i++)
            {
                var text = Text(i);
                length += text.Length > 0 ? text.Length + 1 : 0;
            }

            return length;
        }

        private string Assemble()
        {
            var output = new StringBuilder();
            for (var i = 0; i < sections.Length; i++)
            {
                if (Text(i) is { Length: > 0 } text)
                {
                    output.Append(text).Append('\n');
                }
            }

            return output.Append(Tail()).ToString();
        }

        /// <summary>The note on what was left out, what was not computed, and provenance.</summary>
        private string Tail()
        {
            var output = new StringBuilder();
            var leftOut = sections.Select((s, i) => s.Forms[chosen[i]].LeftOut).OfType<string>().ToList();
            if (leftOut.Count > 0)
            {
                output.Append("> [!NOTE]\n> Left out to stay under ").Append(MarkdownText.Count(maxLength)).Append(" characters: ")
                    .AppendJoin("; ", leftOut).Append(". The JSON report (`report.json`) has everything.\n\n");
            }

            if (report.NotComputed.Count > 0)
            {
                output.Append("_Not in this report:_ ").AppendJoin("; ", report.NotComputed).Append(".\n\n");
            }

            return output.Append(Provenance(report)).ToString();
        }
    }

    private static string VerdictLine(GateReport report)
    {
        var (icon, word) = report.Verdict switch
        {
            Verdict.Pass => ("✅", "PASS"),
            Verdict.Warn => ("⚠️", "WARN"),
            _ => ("❌", "FAIL"),
        };
        var decisive = report.Decisive is { } d
            ? d.DecisiveThreshold is { } threshold
                ? $"{MarkdownText.Escape(d.Name)} **{MarkdownText.Metric(d.Value)}** {(d.Verdict == Verdict.Pass ? "≥" : "<")} {d.DecisiveThresholdName} {MarkdownText.Metric(threshold)}"
                    + (d.Interval is { } ci ? $" (interval {MarkdownText.Metric(ci.Lower)} – {MarkdownText.Metric(ci.Upper)})" : string.Empty)
                : $"{MarkdownText.Escape(d.Name)} **{MarkdownText.Metric(d.Value)}**"
            : "no threshold was checked";
        return $"### {icon} {word} · gate {MarkdownText.Escape(report.GateName)} · {decisive} · reference {MarkdownText.Escape(report.ReferenceVersion)}\n\n"
            + $"{MarkdownText.Escape(report.Summary, int.MaxValue)}\n";
    }

    private static MarkdownSection Findings(GateReport report)
    {
        if (report.Findings.Count == 0)
        {
            return MarkdownSection.Fixed(string.Empty);
        }

        const int Few = 20;
        var forms = new List<MarkdownSection.Form> { new(() => FindingList(report.Findings), null) };
        if (report.Findings.Count > Few)
        {
            forms.Add(new(() => FindingList(report.Findings.Take(Few).ToList()), $"{report.Findings.Count - Few} of {report.Findings.Count} findings (the mildest)"));
        }

        return new MarkdownSection(60, forms);

        static string FindingList(IReadOnlyList<ReportFinding> findings)
        {
            var output = new StringBuilder("#### Findings\n\n");
            foreach (var finding in findings)
            {
                var icon = finding.Severity switch { FindingSeverity.Error => "❌", FindingSeverity.Warning => "⚠️", _ => "ℹ️" };
                output.Append("- ").Append(icon).Append(' ');
                if (finding.Code is { } code)
                {
                    output.Append("**").Append(MarkdownText.Escape(code)).Append("** ");
                }

                output.Append(MarkdownText.Escape(finding.Message, 500));
                if (finding.File is { } file)
                {
                    output.Append(" (").Append(MarkdownText.Escape(file));
                    if (finding.Line is { } line)
                    {
                        output.Append(':').Append(line.ToString(CultureInfo.InvariantCulture));
                    }

                    output.Append(')');
                }

                output.Append('\n');
            }

            return output.ToString();
        }
    }

    private static string Metrics(GateReport report)
    {
        var output = new StringBuilder("#### Metrics\n\n");
        MetricTable(output, report.Metrics);
        return output.ToString();
    }

    private static void MetricTable(StringBuilder output, IReadOnlyList<ReportMetric> metrics)
    {
        var level = metrics.Select(m => m.Interval?.Level).FirstOrDefault(l => l is not null);
        var intervalHeader = level is { } l ? $"{(l * 100).ToString("0.#", CultureInfo.InvariantCulture)}% interval" : "Interval";
        MarkdownText.Table(
            output,
            ["Metric", "Value", intervalHeader, "Fail below", "Warn below", "Δ vs last", "Verdict"],
            [false, true, true, true, true, true, false],
            metrics.Select(m => new[]
            {
                MarkdownText.Escape(m.Name),
                MarkdownText.Metric(m.Value),
                m.Interval is { } ci ? $"{MarkdownText.Metric(ci.Lower)} – {MarkdownText.Metric(ci.Upper)}" : "–",
                m.FailBelow is { } f ? MarkdownText.Metric(f) : "–",
                m.WarnBelow is { } w ? MarkdownText.Metric(w) : "–",
                m.Delta is { } d ? MarkdownText.Signed(d) : "–",
                m.Verdict is { } v ? GateResult.VerdictWord(v) : "info",
            }));
    }

    private static MarkdownSection Slices(GateReport report)
    {
        if (report.Slices.Count == 0)
        {
            return MarkdownSection.Fixed(string.Empty);
        }

        return new MarkdownSection(50, [new(Full, null), new(() => string.Empty, $"the metrics of {report.Slices.Count} slices")]);

        string Full()
        {
            var output = new StringBuilder("#### Slices\n\n");
            MarkdownText.Table(
                output,
                ["Slice", "Rows", "Metric", "Value", "Interval", "Verdict"],
                [false, true, false, true, true, false],
                report.Slices.SelectMany(slice => slice.TooSmall || slice.Metrics.Count == 0
                    ? [[MarkdownText.Escape(slice.Name), MarkdownText.Count(slice.Rows), "–", "–", "–", slice.TooSmall ? "too small" : "–"]]
                    : slice.Metrics.Select(m => new[]
                    {
                        MarkdownText.Escape(slice.Name),
                        MarkdownText.Count(slice.Rows),
                        MarkdownText.Escape(m.Name),
                        MarkdownText.Metric(m.Value),
                        m.Interval is { } ci ? $"{MarkdownText.Metric(ci.Lower)} – {MarkdownText.Metric(ci.Upper)}" : "–",
                        m.Verdict is { } v ? GateResult.VerdictWord(v) : "info",
                    })));
            return output.ToString();
        }
    }

    private static string DiffSummary(GateReport report)
    {
        var diff = report.Diff;
        var kinds = diff.ReferenceClusters.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count());
        var parts = Enum.GetValues<ChangeKind>()
            .Where(kinds.ContainsKey)
            .Select(k => $"{MarkdownText.Count(kinds[k])} {KindWord(k)}")
            .Append($"{MarkdownText.Count(diff.NewClusters.Count)} new");
        return "#### What moved\n\n"
            + $"{MarkdownText.Count(diff.RowCount)} rows: **{MarkdownText.Count(diff.KeptRows)} kept together** ({MarkdownText.Percent(Share(diff.KeptRows, diff.RowCount))}), "
            + $"**{MarkdownText.Count(diff.MovedRows)} moved** ({MarkdownText.Percent(Share(diff.MovedRows, diff.RowCount))}). "
            + $"{MarkdownText.Count(report.Table.ReferenceClusterCount)} reference clusters → {MarkdownText.Count(report.Table.CandidateClusterCount)} candidate clusters: "
            + string.Join(", ", parts) + ".\n";
    }

    private static MarkdownSection DiffTable(GateReport report)
    {
        var clusters = report.Diff.ReferenceClusters;
        var forms = new List<MarkdownSection.Form> { new(() => DiffRows(clusters.Count), null) };
        foreach (var shown in DiffTableSizes.Where(n => clusters.Count > n))
        {
            forms.Add(new(() => DiffRows(shown), $"the diff rows of the {MarkdownText.Count(clusters.Count - shown)} reference clusters that moved least"));
        }

        forms.Add(new(() => string.Empty, $"the diff table ({MarkdownText.Count(clusters.Count)} reference clusters)"));

        return new MarkdownSection(40, forms);

        string DiffRows(int shown)
        {
            var output = new StringBuilder();
            if (shown < clusters.Count)
            {
                output.Append("The ").Append(MarkdownText.Count(shown)).Append(" reference clusters with the most moved rows, of ")
                    .Append(MarkdownText.Count(clusters.Count)).Append(":\n\n");
            }

            MarkdownText.Table(
                output,
                ["Reference cluster", "Size", "Matched candidate", "Kept", "Moved", "Top destinations", "Flag"],
                [false, true, false, true, true, false, false],
                clusters.Take(shown).Select(c => new[]
                {
                    MarkdownText.Escape(c.Label),
                    MarkdownText.Count(c.Size),
                    c.Match is { } m ? MarkdownText.Escape(m.CandidateLabel) : "–",
                    MarkdownText.Percent(c.KeptShare),
                    MarkdownText.Count(c.MovedRows),
                    Flows(c.Destinations, c.OtherDestinationRows, c.OtherDestinationCount),
                    Flag(c),
                }));
            return output.ToString();
        }
    }

    private static MarkdownSection NewClusters(GateReport report)
    {
        var news = report.Diff.NewClusters;
        if (news.Count == 0)
        {
            return MarkdownSection.Fixed(string.Empty);
        }

        var forms = new List<MarkdownSection.Form> { new(() => Rows(news.Count), null) };
        if (news.Count > 20)
        {
            forms.Add(new(() => Rows(20), $"{MarkdownText.Count(news.Count - 20)} of {MarkdownText.Count(news.Count)} new clusters (the smallest)"));
        }

        forms.Add(new(() => string.Empty, $"the table of {MarkdownText.Count(news.Count)} new clusters"));
        return new MarkdownSection(30, forms);

        string Rows(int shown)
        {
            var output = new StringBuilder("#### New candidate clusters\n\n");
            MarkdownText.Table(
                output,
                ["New candidate cluster", "Size", "Came from"],
                [false, true, false],
                news.Take(shown).Select(n => new[] { MarkdownText.Escape(n.Label), MarkdownText.Count(n.Size), Flows(n.Sources, n.OtherSourceRows, n.OtherSourceCount) }));
            return output.ToString();
        }
    }

    private static MarkdownSection MovedIds(GateReport report)
    {
        var samples = report.MovedIds.Where(s => s.Ids.Count > 0).ToList();
        if (samples.Count == 0)
        {
            return MarkdownSection.Fixed(string.Empty);
        }

        var forms = new List<MarkdownSection.Form> { new(() => Rows(samples.Count), null) };
        if (samples.Count > 20)
        {
            forms.Add(new(() => Rows(20), $"the moved-id samples of {MarkdownText.Count(samples.Count - 20)} reference clusters"));
        }

        forms.Add(new(() => string.Empty, "the moved-id samples"));
        return new MarkdownSection(10, forms);

        string Rows(int shown)
        {
            var seed = report.Provenance.Seed is { } s ? $" (seed {s.ToString(CultureInfo.InvariantCulture)})" : string.Empty;
            var output = new StringBuilder($"<details><summary>Sample of moved ids{seed}</summary>\n\n");
            MarkdownText.Table(
                output,
                ["Reference cluster", "Moved rows", "Sample ids"],
                [false, true, false],
                samples.Take(shown).Select(s => new[] { MarkdownText.Escape(s.Label), MarkdownText.Count(s.MovedRows), string.Join(", ", s.Ids.Select(id => MarkdownText.Escape(id))) }));
            output.Append("\n</details>\n");
            return output.ToString();
        }
    }

    private static MarkdownSection Matrix(GateReport report)
    {
        var table = report.Table;
        var cells = (long)table.ReferenceClusterCount * table.CandidateClusterCount;
        var dropped = new MarkdownSection.Form(
            () => string.Empty,
            $"the contingency matrix ({MarkdownText.Count(table.ReferenceClusterCount)} × {MarkdownText.Count(table.CandidateClusterCount)})");
        return cells > MaxMatrixCells
            ? new MarkdownSection(0, [dropped])
            : new MarkdownSection(0, [new(() => ContingencyMatrix.Render(report.Diff, table), null), dropped]);
    }

    private static MarkdownSection Chart(GateReport report)
    {
        if (report.Charts != ReportCharts.Mermaid)
        {
            return MarkdownSection.Fixed(string.Empty);
        }

        return new MarkdownSection(20, [new(() => MermaidFlow.Render(report.Diff, MaxChartClusters), null), new(() => string.Empty, "the Mermaid flow chart and its table")]);
    }

    private static string Provenance(GateReport report)
    {
        var p = report.Provenance;
        var items = new List<string> { $"NmiGate {MarkdownText.Escape(p.ToolVersion)}", $"reference {MarkdownText.Escape(report.ReferenceVersion)}" };
        Add("reference sha256", p.ReferenceSha256);
        Add("model sha256", p.ModelSha256);
        Add("data sha256", p.DataSha256);
        Add("seed", p.Seed?.ToString(CultureInfo.InvariantCulture));
        Add("commit", p.Commit);
        if (p.Time is { } time)
        {
            items.Add("checked " + time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        }

        return "<sub>Provenance: " + string.Join(" · ", items) + "</sub>\n";

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                items.Add($"{name} {MarkdownText.Escape(value, 80)}");
            }
        }
    }

    /// <summary>Listed flows, then the unlisted rest: <c>y 40 (40.0%), z 3 (3.0%), 2 more 5</c>.</summary>
    internal static string Flows(IReadOnlyList<ClusterFlow> flows, long otherRows, int otherCount)
    {
        if (flows.Count == 0 && otherCount == 0)
        {
            return "–";
        }

        var parts = flows.Select(f => $"{MarkdownText.Escape(f.Label)} {MarkdownText.Count(f.Rows)} ({MarkdownText.Percent(f.Share)})").ToList();
        if (otherCount > 0)
        {
            parts.Add($"{MarkdownText.Count(otherCount)} more {MarkdownText.Count(otherRows)}");
        }

        return string.Join(", ", parts);
    }

    internal static string KindWord(ChangeKind kind) => kind switch
    {
        ChangeKind.Stable => "stable",
        ChangeKind.Shrunk => "shrunk",
        ChangeKind.Split => "split",
        ChangeKind.MergedInto => "merged",
        ChangeKind.Vanished => "vanished",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a change kind."),
    };

    private static string Flag(ReferenceClusterChange change) => change.Kind switch
    {
        ChangeKind.Split => "**split** into " + string.Join(", ", change.SplitInto.Select(f => MarkdownText.Escape(f.Label))),
        ChangeKind.MergedInto => $"**merged** into {MarkdownText.Escape(change.MergedInto!.Label)} with "
            + string.Join(", ", change.MergedWith.Select(f => MarkdownText.Escape(f.Label))),
        ChangeKind.Vanished => "**vanished**",
        ChangeKind.Shrunk => "**shrunk**",
        _ => "stable",
    };

    private static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

    // Gate names are validated by the configuration, but the marker must never close the HTML comment early.
    private static string MarkerName(string gateName)
    {
        var name = new string(gateName.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-').ToArray());
        while (name.Contains("--", StringComparison.Ordinal))
        {
            name = name.Replace("--", "-", StringComparison.Ordinal);
        }

        return name;
    }
}
