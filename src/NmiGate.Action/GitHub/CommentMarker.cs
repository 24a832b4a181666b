namespace NmiGate.Action.GitHub;

/// <summary>
/// The hidden lines that make a comment NmiGate's sticky comment for one gate, and remember the
/// verdict it showed (to notice a pass → fail flip on the next run).
/// </summary>
internal static class CommentMarker
{
    public static string For(string gateName) => $"<!-- nmigate:{gateName} -->";

    private static string VerdictLine(PublishVerdict verdict) => $"<!-- nmigate-verdict:{verdict.ToWord()} -->";

    /// <summary>The body with the gate marker first and the verdict line last (each added only if missing).</summary>
    public static string Apply(string body, string gateName, PublishVerdict verdict)
    {
        var marker = For(gateName);
        var text = body.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
        if (!text.Contains(marker, StringComparison.Ordinal))
        {
            text = marker + "\n" + text;
        }

        if (VerdictOf(text) is null)
        {
            text += "\n" + VerdictLine(verdict);
        }

        return text + "\n";
    }

    public static bool IsFor(string? body, string gateName) =>
        body is not null && body.Contains(For(gateName), StringComparison.Ordinal);

    /// <summary>The verdict a previous body recorded, or null when it has none.</summary>
    public static PublishVerdict? VerdictOf(string? body)
    {
        const string prefix = "<!-- nmigate-verdict:";
        var start = body?.LastIndexOf(prefix, StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return null;
        }

        var end = body!.IndexOf(" -->", start, StringComparison.Ordinal);
        return end < 0 ? null : PublishVerdictNames.Parse(body[(start + prefix.Length)..end]);
    }

    /// <summary>Bodies compare equal when they differ only in line endings or trailing white space (GitHub normalises both).</summary>
    public static bool SameBody(string? a, string? b) =>
        string.Equals(Normalise(a), Normalise(b), StringComparison.Ordinal);

    private static string Normalise(string? body) => (body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}
