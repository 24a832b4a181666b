using System.Globalization;
using System.Text;

namespace NmiGate.Core.Reporting;

/// <summary>Safe, culture-invariant text for Markdown: escaped labels and formatted numbers.</summary>
internal static class MarkdownText
{
    /// <summary>Longest label shown; longer ones are cut with an ellipsis (labels come from untrusted files).</summary>
    public const int MaxLabelLength = 64;

    /// <summary>
    /// A label from an untrusted file as inert text in a table cell or a sentence (never at the
    /// start of a line). Characters that Markdown, GitHub's extensions or HTML act on there become
    /// numeric character references: emphasis, code, links and images, table pipes, raw HTML,
    /// <c>$</c>math, <c>~</c>strikethrough and the <c>:</c> of autolinked URLs. <c>@</c> and
    /// <c>#</c> are followed by a zero-width space, because GitHub finds mentions and issue
    /// references after entities are decoded. Line breaks become spaces.
    /// </summary>
    public static string Escape(string text, int maxLength = MaxLabelLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = Cut(text, maxLength);
        var builder = new StringBuilder(source.Length + 8);
        foreach (var c in source)
        {
            switch (c)
            {
                case '\r' or '\n' or '\t':
                    builder.Append(' ');
                    break;
                case '&' or '<' or '>' or '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '~' or '$' or ':':
                    builder.Append("&#").Append(((int)c).ToString(CultureInfo.InvariantCulture)).Append(';');
                    break;
                case '@' or '#':
                    builder.Append(c).Append('\u200B');
                    break;
                default:
                    // Other control characters have no business in a label; show a replacement mark.
                    builder.Append(char.IsControl(c) ? '\uFFFD' : c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>At most <paramref name="maxLength"/> characters of <paramref name="text"/>, then <c>…</c> when cut (never between a surrogate pair).</summary>
    public static string Cut(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var length = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return string.Concat(text.AsSpan(0, length), "…");
    }

    /// <summary>A count with thousands separators: <c>1,000,000</c>.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A metric value: <c>0.8123</c>; <c>NaN</c> when it could not be computed.</summary>
    public static string Metric(double value) => double.IsNaN(value) ? "NaN" : value.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>A signed difference: <c>+0.0120</c>, <c>-0.0300</c>.</summary>
    public static string Signed(double value) => value.ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage with one decimal: <c>61.5%</c>.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A Markdown table: header, separator (numbers right-aligned), rows; cells must already be escaped.</summary>
    public static void Table(StringBuilder output, string[] header, bool[] rightAligned, IEnumerable<string[]> rows)
    {
        output.Append("| ").AppendJoin(" | ", header).Append(" |\n|");
        foreach (var right in rightAligned)
        {
            output.Append(right ? " ---: |" : " --- |");
        }

        output.Append('\n');
        foreach (var row in rows)
        {
            output.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }
    }
}
