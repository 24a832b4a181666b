using System.Globalization;
using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Registry;

/// <summary>
/// Writes one version atomically. The files go to <c>gate/.tmp-&lt;id&gt;/</c>, are flushed to disk,
/// and the folder is renamed to <c>vN</c>. A rename onto an existing, non-empty version folder
/// fails, so two concurrent registrations can never both claim <c>vN</c>: the loser takes the next
/// number. A sibling <c>.tmp-&lt;id&gt;.lock</c> file, held with an exclusive lock while writing,
/// tells a live registration from a crashed one, whose leftovers the next registration deletes
/// once they are <see cref="LeftoverAge"/> old.
/// </summary>
internal sealed class RegistrationWriter(RegistryLayout layout, string gate)
{
    /// <summary>How many numbers a registration tries before reporting that it keeps losing races.</summary>
    public const int MaxAttempts = 20;

    /// <summary>
    /// Leftovers younger than this are never touched. The lock alone cannot protect a registration
    /// that has just started: creating the lock file and locking it are two steps, and a cleaner
    /// that opens the file between them takes the lock, deletes the file on close, and leaves the
    /// new folder unprotected (seen as a flaky concurrent-registration test). A registration takes
    /// seconds; a crash's leftovers can wait.
    /// </summary>
    internal static readonly TimeSpan LeftoverAge = TimeSpan.FromMinutes(10);

    private const string LockSuffix = ".lock";

    private const string GitAttributes =
        "# Written by nmigate register. Registry files are hashed byte for byte:\n"
        + "# git must never rewrite their line ends.\n"
        + "* -text\n";

    private readonly string gateFolder = layout.GateFolder(gate);

    /// <summary>Writes the partition and a manifest built from <paramref name="draft"/>; returns the number claimed and the manifest written.</summary>
    public (int Number, Manifest Manifest) Write(string[] ids, string[] clusters, Manifest draft)
    {
        try
        {
            Directory.CreateDirectory(gateFolder);
            WriteGitAttributes();
            if (layout.CheckPath(gateFolder, null) is { } unsafePath)
            {
                throw new RegistryException(unsafePath);
            }

            CleanLeftovers();
            var token = RegistryLayout.TempPrefix + Guid.NewGuid().ToString("N");
            var temp = Path.Combine(gateFolder, token);

            // Locked before the folder exists, released (and deleted) after it has been renamed or
            // removed: a cleaner that can take the lock knows no live registration owns the folder.
            using var held = new FileStream(temp + LockSuffix, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            try
            {
                Directory.CreateDirectory(temp);
                var partitionPath = Path.Combine(temp, RegistryLayout.PartitionFileName);
                PartitionCsv.Write(partitionPath, ids, clusters);
                var withHash = draft with { PartitionSha256 = Sha256.OfFile(partitionPath) };
                return Claim(temp, withHash);
            }
            finally
            {
                if (Directory.Exists(temp))
                {
                    Directory.Delete(temp, recursive: true);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Failed($"the version could not be written: {exception.Message}", exception);
        }
    }

    private (int Number, Manifest Manifest) Claim(string temp, Manifest withHash)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var numbers = layout.VersionNumbers(gate);
            var number = numbers.Count == 0 ? 1 : numbers[^1] + 1;
            var manifest = withHash with { Version = VersionSpec.Format(number) };
            ManifestFile.Write(Path.Combine(temp, RegistryLayout.ManifestFileName), manifest);
            var final = layout.VersionFolder(gate, number);
            try
            {
                // rename(2) / MoveFileEx: atomic, and it fails when the target exists (on POSIX when it
                // is not empty, which a version folder never is). Versions are never overwritten.
                // The files were fsynced before; .NET has no portable way to fsync the folder entry
                // itself, so after a power cut the rename may be lost, never half done.
                Directory.Move(temp, final);
                return (number, manifest);
            }
            catch (IOException) when (Directory.Exists(final))
            {
                // Another registration claimed this number between our listing and our rename.
            }
        }

        throw Failed(string.Create(CultureInfo.InvariantCulture,
            $"{MaxAttempts} attempts to claim the next version each lost to a concurrent registration. Run the registration again once the others have finished."), null);
    }

    /// <summary>
    /// The partition hash is of its exact bytes, so git must never convert its line ends on checkout
    /// (<c>core.autocrlf</c>): the registry's own <c>.gitattributes</c> marks every file binary-safe.
    /// An existing file is the user's and is left alone.
    /// </summary>
    private void WriteGitAttributes()
    {
        var path = Path.Combine(layout.Root, ".gitattributes");
        if (File.Exists(path))
        {
            return;
        }

        try
        {
            File.WriteAllText(path, GitAttributes, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (IOException) when (File.Exists(path))
        {
            // A concurrent registration wrote it first.
        }
    }

    /// <summary>Deletes temp folders and lock files left by registrations that crashed; skips those still running.</summary>
    private void CleanLeftovers()
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(gateFolder, RegistryLayout.TempPrefix + "*"))
        {
            if (entry.EndsWith(LockSuffix, StringComparison.Ordinal) || IsRecent(entry))
            {
                continue;
            }

            var lockPath = entry + LockSuffix;
            try
            {
                using (TryTakeLock(lockPath))
                {
                    DeleteEntry(entry);
                }
            }
            catch (IOException)
            {
                // Locked: a registration is writing this folder right now.
            }
        }

        // Lock files whose folder is gone (a crash between rename and unlock) hold nothing.
        foreach (var lockPath in Directory.EnumerateFiles(gateFolder, RegistryLayout.TempPrefix + "*" + LockSuffix))
        {
            if (!Directory.Exists(lockPath[..^LockSuffix.Length]) && !IsRecent(lockPath))
            {
                try
                {
                    using (TryTakeLock(lockPath))
                    {
                    }
                }
                catch (IOException)
                {
                    // Still held: its registration is running.
                }
            }
        }
    }

    /// <summary>Written within <see cref="LeftoverAge"/> (or gone meanwhile): possibly a registration still starting.</summary>
    private static bool IsRecent(string entry)
    {
        var written = Directory.Exists(entry) ? Directory.GetLastWriteTimeUtc(entry) : File.GetLastWriteTimeUtc(entry);
        return written.Year <= 1601 || DateTime.UtcNow - written < LeftoverAge;
    }

    /// <summary>Opens <paramref name="lockPath"/> exclusively, deleting it on close; null when it does not exist; throws when held.</summary>
    private static FileStream? TryTakeLock(string lockPath)
    {
        try
        {
            return new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static void DeleteEntry(string entry)
    {
        try
        {
            if (Directory.Exists(entry) && new DirectoryInfo(entry).LinkTarget is null)
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }
        catch (DirectoryNotFoundException)
        {
            // Renamed or removed by its owner meanwhile.
        }
    }

    private RegistryException Failed(string message, Exception? inner) =>
        new(new RegistryProblem(DiagnosticCode.RegistrationFailed, gateFolder, null, $"cannot register a new version of '{gate}': {message}"), inner);
}
