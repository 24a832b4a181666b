namespace NmiGate.Core.Registry;

/// <summary>
/// Reads the commit checked out in the git work tree holding a folder, from <c>.git/HEAD</c> and
/// its refs, without running git (which may be absent on a build agent). Best effort: anything
/// unexpected yields null, and a registration without a commit is still valid.
/// </summary>
internal static class GitCommit
{
    private const int MaxFileBytes = 4096;

    /// <summary>The commit id (SHA-1 or SHA-256 object id) for the work tree holding <paramref name="folder"/>, or null.</summary>
    public static string? TryRead(string folder)
    {
        try
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
            {
                var dotGit = Path.Combine(dir.FullName, ".git");
                if (Directory.Exists(dotGit))
                {
                    return ReadHead(dotGit);
                }

                if (File.Exists(dotGit))
                {
                    // A linked work tree or submodule: ".git" is a file saying "gitdir: <path>".
                    var pointer = ReadSmall(dotGit);
                    return pointer is not null && pointer.StartsWith("gitdir:", StringComparison.Ordinal)
                        ? ReadHead(Path.GetFullPath(pointer["gitdir:".Length..].Trim(), dir.FullName))
                        : null;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }

        return null;
    }

    public static bool IsObjectId(string? text) =>
        text is { Length: 40 or 64 } && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static string? ReadHead(string gitDir)
    {
        var head = ReadSmall(Path.Combine(gitDir, "HEAD"));
        if (head is null)
        {
            return null;
        }

        if (IsObjectId(head))
        {
            return head;
        }

        if (!head.StartsWith("ref: refs/", StringComparison.Ordinal) || head.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        var refName = head["ref: ".Length..];

        // Linked work trees keep their HEAD in their own folder and the refs in the common one.
        var common = ReadSmall(Path.Combine(gitDir, "commondir")) is { } commonDir ? Path.GetFullPath(commonDir, gitDir) : gitDir;
        foreach (var candidate in new[] { gitDir, common })
        {
            if (ReadSmall(Path.Combine(candidate, refName.Replace('/', Path.DirectorySeparatorChar))) is { } loose && IsObjectId(loose))
            {
                return loose;
            }
        }

        return PackedRef(Path.Combine(common, "packed-refs"), refName);
    }

    private static string? PackedRef(string path, string refName)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(path))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && line.AsSpan(space + 1).SequenceEqual(refName) && IsObjectId(line[..space]))
            {
                return line[..space];
            }
        }

        return null;
    }

    private static string? ReadSmall(string path)
    {
        var file = new FileInfo(path);
        return file.Exists && file.Length is > 0 and <= MaxFileBytes ? File.ReadAllText(path).Trim() : null;
    }
}
