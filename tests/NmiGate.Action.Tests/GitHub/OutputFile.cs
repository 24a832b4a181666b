namespace NmiGate.Action.Tests.GitHub;

/// <summary>Reads a <c>GITHUB_OUTPUT</c> file as the runner does: <c>name=value</c> or <c>name&lt;&lt;DELIM</c> ... <c>DELIM</c>.</summary>
internal static class OutputFile
{
    public static Dictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var name = line[..heredoc];
                var delimiter = line[(heredoc + 2)..];
                var end = Array.IndexOf(lines, delimiter, i + 1);
                Assert.True(end > i, $"output '{name}' has no closing delimiter");
                values[name] = string.Join('\n', lines[(i + 1)..end]);
                i = end;
            }
            else
            {
                Assert.True(equals > 0, $"unparseable output line '{line}'");
                values[line[..equals]] = line[(equals + 1)..];
            }
        }

        return values;
    }
}
