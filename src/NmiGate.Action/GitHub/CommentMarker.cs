namespace NmiGate.Action.GitHub;

/// <summary>
/// The hidden lines that make a comment NmiGate's sticky comment for one gate, and remember the
/// verdict it showed (to notice a pass → fail flip on the next run).
/// </summary>
internal static class CommentMarker
{
    public static string For(string gateName) => $"<!-- nmigate:{gateName} -->";

    private static string VerdictLine(PublishVerdict verdict) => $"<!-- nmigate-verdict:{verdict.ToWord()} -->";

    /// <summary>
    /// The body with this gate's marker first and its verdict line last. Any other NmiGate marker
    /// in the body is dropped first: a report (perhaps from an untrusted artifact) must not carry
    /// another gate's marker, which would let it take over that gate's comment, nor fake the
    /// verdict the next run compares with.
    /// </summary>
    public static string Apply(string body, string gateName, PublishVerdict verdict)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(line => IsMarkerText(line) ? Neutralise(line) : line);
        var text = string.Join('\n', lines).Trim('\n').TrimEnd();
        return For(gateName) + "\n" + text + "\n" + VerdictLine(verdict) + "\n";
    }

    private static bool IsMarkerText(string line) => line.Contains("<!-- nmigate", StringComparison.Ordinal);

    /// <summary>A line that is exactly one marker is removed; a marker inside other text is defused.</summary>
    private static string Neutralise(string line)
    {
        var trimmed = line.Trim();
        return trimmed.StartsWith("<!-- nmigate", StringComparison.Ordinal) && trimmed.EndsWith("-->", StringComparison.Ordinal) && trimmed.IndexOf("-->", StringComparison.Ordinal) == trimmed.Length - 3
            ? string.Empty
            : line.Replace("<!-- nmigate", "<!-- quoted-nmigate", StringComparison.Ordinal);
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
