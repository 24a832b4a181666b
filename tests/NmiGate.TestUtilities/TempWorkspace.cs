namespace NmiGate.TestUtilities;

/// <summary>A fresh folder under the system temp folder, deleted (with its contents) on dispose.</summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace(string prefix = "nmigate")
    {
        Root = Path.Combine(Path.GetTempPath(), "nmigate-tests", $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    /// <summary>The folder's full path.</summary>
    public string Root { get; }

    /// <summary>The full path of <paramref name="relativePath"/> inside the workspace (its folder is created).</summary>
    public string PathOf(string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>Writes <paramref name="content"/> (UTF-8, no BOM) to <paramref name="relativePath"/>; returns its full path.</summary>
    public string WriteText(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes <paramref name="content"/> as is to <paramref name="relativePath"/>; returns its full path.</summary>
    public string WriteBytes(string relativePath, byte[] content)
    {
        var path = PathOf(relativePath);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>
    /// Copies the folder <paramref name="source"/> to <paramref name="relativePath"/> inside the
    /// workspace ("" for the root), leaving out subfolders named in <paramref name="skipFolders"/>
    /// at any depth (build output, generated files); returns the copy's full path.
    /// </summary>
    public string CopyDirectory(string source, string relativePath, params string[] skipFolders)
    {
        var target = Path.GetFullPath(Path.Combine(Root, relativePath));
        Copy(source, target, skipFolders);
        return target;

        static void Copy(string from, string to, string[] skip)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.EnumerateFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }

            foreach (var directory in Directory.EnumerateDirectories(from))
            {
                var name = Path.GetFileName(directory);
                if (!skip.Contains(name, StringComparer.Ordinal))
                {
                    Copy(directory, Path.Combine(to, name), skip);
                }
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere (e.g. a virus scanner) must not fail the test; the OS temp cleanup takes it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
