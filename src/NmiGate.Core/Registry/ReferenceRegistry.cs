using System.Globalization;
using NmiGate.Core.Configuration;
using NmiGate.Core.Diagnostics;
using NmiGate.Core.Partitions;

namespace NmiGate.Core.Registry;

/// <summary>
/// The reference registry: a folder committed with the user's code (<c>.nmigate/</c> by default)
/// holding, per gate, immutable versions <c>v1</c>, <c>v2</c>, ... of a reference partition and its
/// manifest. Every file in it is treated as untrusted; every problem is a <see cref="RegistryException"/>
/// with an <c>NMIG4xxx</c> code, never a silent pass. See <c>docs/registry.md</c>.
/// </summary>
public sealed class ReferenceRegistry
{
    /// <summary>A registered partition larger than this is refused before it is read.</summary>
    public const long MaxPartitionBytes = 1L << 30;

    private const string Sha256OfEmpty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private readonly RegistryLayout layout;

    private ReferenceRegistry(string folder)
    {
        layout = new RegistryLayout(folder);
    }

    /// <summary>The registry folder, as a full path.</summary>
    public string Folder => layout.Root;

    /// <summary>Opens the registry in <paramref name="folder"/>; the folder need not exist until the first registration.</summary>
    public static ReferenceRegistry Open(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        return new ReferenceRegistry(folder);
    }

    /// <summary>
    /// Registers <paramref name="partition"/> as the next version of <paramref name="gate"/>.
    /// </summary>
    /// <inheritdoc cref="Register(string, IReadOnlyList{string}, IReadOnlyList{string}, RegistrationProvenance, RegistrationComparison?)"/>
    public RegistryVersion Register(string gate, Partition partition, RegistrationProvenance provenance, RegistrationComparison? comparison = null)
    {
        ArgumentNullException.ThrowIfNull(partition);
        return Register(gate, partition.Ids, partition.Clusters, provenance, comparison);
    }

    /// <summary>
    /// Writes the next version <c>v{N+1}</c> of <paramref name="gate"/>: the partition (sorted by id)
    /// and its manifest go to a temporary folder inside the gate folder, are flushed to disk, and the
    /// folder is renamed into place in one step, so a crash never leaves half a version. If another
    /// registration claims the same number first, the next free number is taken.
    /// </summary>
    /// <param name="gate">The gate name (lower-case letters, digits, dashes).</param>
    /// <param name="ids">The row ids; unique and non-blank.</param>
    /// <param name="clusters">The cluster label of each id.</param>
    /// <param name="provenance">Tool version, model and data files to hash, note.</param>
    /// <param name="comparison">Metrics against an earlier version, when measured.</param>
    /// <returns>The version written.</returns>
    /// <exception cref="RegistryException">
    /// An invalid gate name or partition, a missing model or data file, or a write that failed.
    /// </exception>
    public RegistryVersion Register(string gate, IReadOnlyList<string> ids, IReadOnlyList<string> clusters, RegistrationProvenance provenance, RegistrationComparison? comparison = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(provenance);
        if (string.IsNullOrWhiteSpace(provenance.ToolVersion))
        {
            throw new ArgumentException("The tool version is required.", nameof(provenance));
        }

        ThrowIf(layout.CheckGateName(gate));
        var gateFolder = layout.GateFolder(gate);
        if (provenance.Note is { Length: > ManifestFile.MaxNoteLength })
        {
            throw Invalid(gateFolder, string.Create(CultureInfo.InvariantCulture, $"the note is longer than {ManifestFile.MaxNoteLength} characters; keep it to a paragraph."));
        }

        if (comparison is not null && (!VersionSpec.TryParse(comparison.Version, out _) || comparison.Metrics.Values.Any(v => !double.IsFinite(v))))
        {
            throw Invalid(gateFolder, "the comparison must name a version such as `v2` and hold finite metric values.");
        }

        var (sortedIds, sortedClusters, clusterCount) = PartitionCsv.Prepare(ids, clusters, gateFolder);
        var model = HashProvenance(provenance.ModelPath, "model", gateFolder);
        var data = HashProvenance(provenance.DataPath, "data", gateFolder);
        var writer = new RegistrationWriter(layout, gate);

        var draft = new Manifest(
            Manifest.CurrentFormatVersion,
            gate,
            VersionSpec.Format(1),
            TruncateToSeconds(DateTime.UtcNow),
            provenance.ToolVersion,
            sortedIds.Length,
            clusterCount,
            PartitionSha256: new string('0', Sha256.HexLength),
            model,
            data,
            GitCommit.TryRead(layout.Root),
            string.IsNullOrWhiteSpace(provenance.Note) ? null : provenance.Note,
            comparison);
        var (number, manifest) = writer.Write(sortedIds, sortedClusters, draft);
        return new RegistryVersion(gate, number, layout.VersionFolder(gate, number), manifest);
    }

    /// <summary>Every version of <paramref name="gate"/> with its manifest, in version order (v9 before v10); empty when none is registered.</summary>
    /// <exception cref="RegistryException">An invalid gate name, or a version whose manifest is missing or malformed.</exception>
    public IReadOnlyList<RegistryVersion> List(string gate)
    {
        ThrowIf(layout.CheckGateName(gate));
        ThrowIf(layout.CheckPath(layout.GateFolder(gate), null));
        return layout.VersionNumbers(gate).Select(number => ReadVersion(gate, number)).ToList();
    }

    /// <summary>The manifest of one version (<c>latest</c> or <c>vN</c>), without reading its partition.</summary>
    /// <exception cref="RegistryException">See <see cref="Resolve(string, string)"/>.</exception>
    public RegistryVersion Show(string gate, string versionSpec) => ReadVersion(gate, FindVersion(gate, versionSpec, null));

    /// <summary>
    /// The reference partition of <paramref name="gate"/> at <paramref name="versionSpec"/> (<c>latest</c>
    /// or <c>vN</c>), after verifying that its SHA-256 matches the manifest and its counts match the file.
    /// </summary>
    /// <exception cref="RegistryException">
    /// An invalid gate name or version, an empty registry, an unknown version (the message lists the
    /// existing ones), a missing or malformed manifest, a missing, modified, truncated or unreadable
    /// partition, counts that do not match, or a link leaving the registry.
    /// </exception>
    public ReferencePartition Resolve(string gate, string versionSpec) => Load(ReadVersion(gate, FindVersion(gate, versionSpec, null)));

    /// <summary>
    /// Resolves a version that came from configuration: an invalid or unknown version is reported at
    /// the <c>nmigate.yml</c> line (or host override) that set it, so annotations land on that line.
    /// </summary>
    /// <exception cref="RegistryException">See <see cref="Resolve(string, string)"/>.</exception>
    public ReferencePartition Resolve(string gate, Sourced<string> version) =>
        Load(ReadVersion(gate, FindVersion(gate, version.Value, version.Source)));

    /// <summary>The reference a gate's configuration asks for: <c>reference.registry</c>, <c>name</c> and <c>reference.version</c>.</summary>
    /// <exception cref="RegistryException">See <see cref="Resolve(string, string)"/>.</exception>
    public static ReferencePartition Resolve(GateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Open(options.Reference.Registry.Value).Resolve(options.Name.Value, options.Reference.Version);
    }

    /// <summary>
    /// For a gate check: finds the configured version now (so a missing or unknown version fails
    /// at once), and returns how to load it compactly, which a check runs while it scores.
    /// </summary>
    /// <exception cref="RegistryException">See <see cref="Resolve(string, string)"/>.</exception>
    internal static (RegistryVersion Version, Func<CheckReference> Load) PrepareForCheck(GateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var registry = Open(options.Reference.Registry.Value);
        var gate = options.Name.Value;
        var version = registry.ReadVersion(gate, registry.FindVersion(gate, options.Reference.Version.Value, options.Reference.Version.Source));
        return (version, () => registry.LoadForCheck(version));
    }

    /// <summary>Re-hashes and re-reads every version of <paramref name="gate"/>, or of every gate when null, and reports every problem at once.</summary>
    public RegistryVerification Verify(string? gate = null)
    {
        var verified = new List<RegistryVersion>();
        var problems = new List<RegistryProblem>();
        var gates = gate is not null ? [gate] : GateNames();
        if (gates.Count == 0)
        {
            problems.Add(EmptyProblem(layout.Root, "any gate"));
        }

        foreach (var name in gates)
        {
            if (layout.CheckGateName(name) is { } badName)
            {
                problems.Add(badName);
                continue;
            }

            var numbers = layout.VersionNumbers(name);
            if (numbers.Count == 0)
            {
                problems.Add(EmptyProblem(layout.GateFolder(name), $"gate '{name}'"));
            }

            foreach (var number in numbers)
            {
                try
                {
                    var version = ReadVersion(name, number);
                    _ = Load(version);
                    verified.Add(version);
                }
                catch (RegistryException exception)
                {
                    problems.AddRange(exception.Problems);
                }
            }
        }

        return new RegistryVerification(verified, problems);
    }

    private List<string> GateNames() => Directory.Exists(layout.Root)
        ? Directory.EnumerateDirectories(layout.Root).Select(Path.GetFileName).OfType<string>()
            .Where(name => !name.StartsWith('.')).Order(StringComparer.Ordinal).ToList()
        : [];

    private int FindVersion(string gate, string versionSpec, ValueSource? source)
    {
        ThrowIf(layout.CheckGateName(gate));
        var latest = string.Equals(versionSpec, VersionSpec.Latest, StringComparison.Ordinal);
        var pinned = 0;
        if (!latest && !VersionSpec.TryParse(versionSpec, out pinned))
        {
            throw new RegistryException(At(source, new RegistryProblem(DiagnosticCode.InvalidReferenceVersion, layout.GateFolder(gate), null,
                $"{MessageText.Quote(versionSpec ?? string.Empty)} is not a reference version: use `latest` or a registered version such as `v3`.")));
        }

        ThrowIf(layout.CheckPath(layout.GateFolder(gate), null));
        var numbers = layout.VersionNumbers(gate);
        if (numbers.Count == 0)
        {
            throw new RegistryException(EmptyProblem(layout.GateFolder(gate), $"gate '{gate}'"));
        }

        if (latest)
        {
            return numbers[^1];
        }

        if (numbers.BinarySearch(pinned) < 0)
        {
            throw new RegistryException(At(source, new RegistryProblem(DiagnosticCode.UnknownReferenceVersion, layout.VersionFolder(gate, pinned), versionSpec,
                $"gate '{gate}' has no reference {versionSpec} in {layout.GateFolder(gate)}; registered versions: {ListVersions(numbers)}. "
                + "Pin one of these in `reference.version`, or use `latest`.")));
        }

        return pinned;
    }

    private RegistryVersion ReadVersion(string gate, int number)
    {
        var folder = layout.VersionFolder(gate, number);
        var version = VersionSpec.Format(number);
        ThrowIf(layout.CheckPath(folder, version));
        var manifestPath = Path.Combine(folder, RegistryLayout.ManifestFileName);
        ThrowIf(layout.CheckInside(new FileInfo(manifestPath), version));
        return new RegistryVersion(gate, number, folder, ManifestFile.Read(manifestPath, gate, number));
    }

    /// <summary>
    /// Hashes and parses the partition in one pass into ids' hashes (<see cref="HashedLabels"/>).
    /// Its rows are believed only once the hash matched; any other problem (or two ids sharing a
    /// hash) falls back to <see cref="Load(RegistryVersion)"/>, which reports it or reads by text.
    /// </summary>
    private CheckReference LoadForCheck(RegistryVersion version)
    {
        var path = version.PartitionPath;
        var manifest = version.Manifest;
        var file = CheckPartitionFile(version);
        if (file.Length > 0)
        {
            HashedLabels? hashed;
            string actual;
            using (var stream = new HashingReadStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan)))
            {
                // Rows are at least 4 bytes ("a,b\n"): a manifest claiming more cannot size the arrays.
                var rows = (int)Math.Min(manifest.RowCount, Math.Min(file.Length / 4, Array.MaxLength));
                hashed = rows == manifest.RowCount ? HashedPartitionReader.TryRead(stream, path, rows) : null;
                actual = stream.FinishHex();
            }

            if (!string.Equals(actual, manifest.PartitionSha256, StringComparison.Ordinal))
            {
                throw HashMismatch(version, actual, file.Length);
            }

            if (hashed is not null && hashed.Labels.Length == manifest.ClusterCount)
            {
                return new CheckReference(version, hashed, () => Load(version));
            }
        }

        var full = Load(version);
        return new CheckReference(version, null, () => full);
    }

    /// <summary>The partition file of <paramref name="version"/>, refused when it is outside the registry, missing or too large.</summary>
    private FileInfo CheckPartitionFile(RegistryVersion version)
    {
        var path = version.PartitionPath;
        var file = new FileInfo(path);
        ThrowIf(layout.CheckInside(file, version.Name));
        if (!file.Exists)
        {
            throw Problem(DiagnosticCode.PartitionMissing, path, version,
                $"reference {version.Name} of '{version.Gate}' has no {RegistryLayout.PartitionFileName} (deleted or never committed). "
                + "Restore it from version control (`git checkout -- <file>`), or register a new version.");
        }

        if (file.Length > MaxPartitionBytes)
        {
            throw Problem(DiagnosticCode.RegistryFileTooLarge, path, version,
                string.Create(CultureInfo.InvariantCulture, $"the partition of reference {version.Name} is {file.Length:N0} bytes, over the {MaxPartitionBytes:N0}-byte limit for a registered partition."));
        }

        return file;
    }

    private static RegistryException HashMismatch(RegistryVersion version, string actual, long length) =>
        Problem(DiagnosticCode.PartitionHashMismatch, version.PartitionPath, version,
            string.Create(CultureInfo.InvariantCulture,
                $"the partition of reference {version.Name} of '{version.Gate}' was modified or truncated after registration: its SHA-256 is {actual} ({length:N0} bytes), "
                + $"the manifest records {version.Manifest.PartitionSha256}. Registered versions are immutable: restore the file from version control, or register a new version."));

    /// <summary>Hash first, then parse: a byte changed after registration must fail before its rows are believed.</summary>
    private ReferencePartition Load(RegistryVersion version)
    {
        var path = version.PartitionPath;
        var manifest = version.Manifest;
        var file = CheckPartitionFile(version);

        // A zero length (or a FIFO, which reports zero) cannot match the hash of a non-empty partition: never open it.
        var actual = file.Length == 0 ? Sha256OfEmpty : Sha256.OfFile(path);
        if (!string.Equals(actual, manifest.PartitionSha256, StringComparison.Ordinal))
        {
            throw HashMismatch(version, actual, file.Length);
        }

        Partition partition;
        try
        {
            partition = PartitionFile.Read(path);
        }
        catch (NmiGateInputException exception)
        {
            throw Problem(DiagnosticCode.PartitionMalformed, path, version,
                $"the partition of reference {version.Name} matches its manifest's hash but is not a valid partition ({exception.Describe()}); "
                + "the version was written by hand. Register the partition with `nmigate register` instead.", exception);
        }

        for (var i = 1; i < partition.RowCount; i++)
        {
            if (string.CompareOrdinal(partition.Ids[i - 1], partition.Ids[i]) > 0)
            {
                throw Problem(DiagnosticCode.PartitionMalformed, path, version,
                    string.Create(CultureInfo.InvariantCulture,
                        $"the partition of reference {version.Name} is not sorted by id (line {partition.Lines[i]}); the version was written by hand. Register the partition with `nmigate register` instead."));
            }
        }

        if (partition.RowCount != manifest.RowCount || partition.ClusterCount != manifest.ClusterCount)
        {
            throw Problem(DiagnosticCode.ManifestMismatch, version.ManifestPath, version,
                string.Create(CultureInfo.InvariantCulture,
                    $"the manifest of reference {version.Name} records {manifest.RowCount} rows and {manifest.ClusterCount} clusters, "
                    + $"but {RegistryLayout.PartitionFileName} has {partition.RowCount} rows and {partition.ClusterCount} clusters. Restore both files from version control, or register a new version."));
        }

        return new ReferencePartition(version, partition);
    }

    private static RegistryException Problem(DiagnosticCode code, string path, RegistryVersion version, string message, Exception? inner = null) =>
        new(new RegistryProblem(code, path, version.Name, message), inner);

    private RegistryProblem EmptyProblem(string folder, string what) =>
        new(DiagnosticCode.RegistryEmpty, folder, null,
            $"no reference is registered for {what} in {layout.Root}. Register one with `nmigate register` "
            + "(it writes <gate>/v1/partition.csv and manifest.json), commit the folder and review it like code; see docs/registry.md.");

    /// <summary>Moves a problem about the version asked for onto the configuration line or override that asked for it.</summary>
    private static RegistryProblem At(ValueSource? source, RegistryProblem problem) => source switch
    {
        { Origin: ValueOrigin.File, File: { } file } => problem with { FilePath = file, Line = source.Line, Column = source.Column },
        { Origin: ValueOrigin.Override, File: { } origin } => problem with { FilePath = origin },
        _ => problem,
    };

    private static string ListVersions(List<int> numbers)
    {
        const int MaxListed = 20;
        var listed = string.Join(", ", numbers.TakeLast(MaxListed).Select(VersionSpec.Format));
        return numbers.Count > MaxListed ? string.Create(CultureInfo.InvariantCulture, $"{numbers.Count} versions, the newest {listed}") : listed;
    }

    private static HashedFile? HashProvenance(string? path, string role, string gateFolder)
    {
        if (path is null)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new RegistryException(new RegistryProblem(DiagnosticCode.InvalidRegistration, Path.GetFullPath(path), null,
                $"cannot register: the {role} file does not exist (gate folder {gateFolder}). Pass the {role} file that produced the partition, or none for a labels-file registration."));
        }

        try
        {
            return new HashedFile(Path.GetFileName(path), Sha256.OfFile(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RegistryException(new RegistryProblem(DiagnosticCode.InvalidRegistration, Path.GetFullPath(path), null,
                $"cannot register: the {role} file cannot be read: {exception.Message}"), exception);
        }
    }

    private static RegistryException Invalid(string gateFolder, string message) =>
        new(new RegistryProblem(DiagnosticCode.InvalidRegistration, gateFolder, null, "cannot register: " + message));

    private static DateTime TruncateToSeconds(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    private static void ThrowIf(RegistryProblem? problem)
    {
        if (problem is not null)
        {
            throw new RegistryException(problem);
        }
    }
}
