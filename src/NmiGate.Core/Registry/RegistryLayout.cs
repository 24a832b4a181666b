using NmiGate.Core.Diagnostics;
using NmiGate.Core.Partitions;

namespace NmiGate.Core.Registry;

/// <summary>
/// The registry's folder layout (<c>root/gate/vN/{partition.csv,manifest.json}</c>) and the checks
/// that keep untrusted names and links inside it.
/// </summary>
internal sealed class RegistryLayout
{
    public const string PartitionFileName = "partition.csv";
    public const string ManifestFileName = "manifest.json";

    /// <summary>Prefix of in-progress (or crashed) registrations; never a valid version name, so readers skip them.</summary>
    public const string TempPrefix = ".tmp-";

    /// <summary>Longest gate name accepted: it becomes a folder name.</summary>
    public const int MaxGateNameLength = 100;

    private readonly string[] allowedRoots;

    public RegistryLayout(string root)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

        // A root that is itself a link (a checkout on /tmp under macOS, a mounted folder) is the
        // user's choice; links inside it may point into either spelling of it.
        var roots = new List<string> { Root };
        try
        {
            if (new DirectoryInfo(Root).ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                roots.Add(Path.TrimEndingDirectorySeparator(target.FullName));
            }
        }
        catch (IOException)
        {
            // A root that does not exist yet, or a broken link: only its own spelling applies.
        }

        allowedRoots = [.. roots];
    }

    public string Root { get; }

    public string GateFolder(string gate) => Path.Combine(Root, gate);

    public string VersionFolder(string gate, int number) => Path.Combine(Root, gate, VersionSpec.Format(number));

    /// <summary>
    /// The rule of <c>nmigate.yml</c>'s <c>name</c>: lower-case letters, digits and dashes. It leaves
    /// no room for separators, dots or drive letters, so a gate name can never leave the registry.
    /// </summary>
    public RegistryProblem? CheckGateName(string? gate)
    {
        var valid = !string.IsNullOrEmpty(gate)
            && gate.Length <= MaxGateNameLength
            && gate.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
        return valid
            ? null
            : new RegistryProblem(DiagnosticCode.InvalidRegistryGateName, Root, null,
                $"the gate name {MessageText.Quote(gate ?? string.Empty)} cannot be a registry folder: use lower-case letters, digits and dashes "
                + $"(at most {MaxGateNameLength} characters), such as `customer-segments`, the same as `name` in nmigate.yml.");
    }

    /// <summary>The registered version numbers of <paramref name="gate"/>, ascending (v9 before v10); temp folders and strays are skipped.</summary>
    public List<int> VersionNumbers(string gate)
    {
        var folder = GateFolder(gate);
        var numbers = new List<int>();
        if (!Directory.Exists(folder))
        {
            return numbers;
        }

        foreach (var entry in Directory.EnumerateDirectories(folder))
        {
            if (VersionSpec.TryParse(Path.GetFileName(entry), out var number))
            {
                numbers.Add(number);
            }
        }

        numbers.Sort();
        return numbers;
    }

    /// <summary>A problem when <paramref name="entry"/> is a link that resolves outside the registry, or to nothing.</summary>
    public RegistryProblem? CheckInside(FileSystemInfo entry, string? version)
    {
        if (entry.LinkTarget is null)
        {
            return null;
        }

        FileSystemInfo? target;
        try
        {
            target = entry.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException)
        {
            target = null;
        }

        if (target is not null && target.Exists && allowedRoots.Any(root => IsUnder(target.FullName, root)))
        {
            return null;
        }

        return new RegistryProblem(DiagnosticCode.UnsafeRegistryPath, entry.FullName, version,
            $"is a link to {MessageText.Quote(entry.LinkTarget)}, which {(target is { Exists: true } ? "lies outside the registry" : "does not exist")}. "
            + $"Registry files must be regular files inside {Root}: replace the link with the file itself.");
    }

    /// <summary>The first link on the way from the root to <paramref name="path"/> that leaves the registry.</summary>
    public RegistryProblem? CheckPath(string path, string? version)
    {
        var relative = Path.GetRelativePath(Root, path);
        var current = Root;
        foreach (var part in relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo entry = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (CheckInside(entry, version) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static bool IsUnder(string path, string root)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return full.Equals(root, comparison)
            || full.StartsWith(root + Path.DirectorySeparatorChar, comparison);
    }
}
