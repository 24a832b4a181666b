using System.Globalization;
using System.Text.Json;
using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Registry;

/// <summary>Reads <c>manifest.json</c> as untrusted input (size and depth limits, strict fields) and writes it durably.</summary>
internal static class ManifestFile
{
    /// <summary>A manifest is a few hundred bytes; anything near this is not one.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>The manifest nests three levels (comparison.metrics); a little slack, no more.</summary>
    public const int MaxDepth = 8;

    /// <summary>Longest note kept: a paragraph, not a file.</summary>
    public const int MaxNoteLength = 4096;

    public static void Write(string path, Manifest manifest)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJsonContext.Default.Manifest);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        stream.Write(bytes);
        stream.WriteByte((byte)'\n');
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Reads and checks the manifest of <paramref name="gate"/>'s version <paramref name="number"/>.</summary>
    /// <exception cref="RegistryException">The manifest is missing, too large, malformed, of another format, or names another gate or version.</exception>
    public static Manifest Read(string path, string gate, int number)
    {
        var version = VersionSpec.Format(number);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw Problem(DiagnosticCode.ManifestMissing, path, version,
                $"reference {version} of '{gate}' has no {RegistryLayout.ManifestFileName}, so its partition cannot be verified. "
                + "Restore the file from version control (`git checkout -- <file>`), or delete the version folder in a reviewed change and register again.");
        }

        if (file.Length > MaxBytes)
        {
            throw Problem(DiagnosticCode.RegistryFileTooLarge, path, version,
                string.Create(CultureInfo.InvariantCulture, $"the manifest of reference {version} is {file.Length:N0} bytes; a manifest is never larger than {MaxBytes:N0}. Restore it from version control."));
        }

        // A zero length also covers a FIFO or device named manifest.json: never open what could block.
        var bytes = file.Length == 0 ? [] : File.ReadAllBytes(path);
        if (bytes.Length > MaxBytes)
        {
            throw Problem(DiagnosticCode.RegistryFileTooLarge, path, version, string.Create(CultureInfo.InvariantCulture, $"the manifest of reference {version} grew past {MaxBytes:N0} bytes while being read."));
        }

        var manifest = Parse(bytes, path, version);
        Check(manifest, path, gate, version);
        return manifest;
    }

    private static Manifest Parse(byte[] bytes, string path, string version)
    {
        try
        {
            // The format version decides how the rest is read, so it is checked before the fields.
            using (var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth }))
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw Malformed(path, version, $"the manifest is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
                }

                if (!root.TryGetProperty("formatVersion", out var format))
                {
                    throw Malformed(path, version, "the manifest has no `formatVersion`");
                }

                if (format.ValueKind != JsonValueKind.Number || !format.TryGetInt32(out var formatVersion) || formatVersion != Manifest.CurrentFormatVersion)
                {
                    throw Problem(DiagnosticCode.UnsupportedManifestFormat, path, version,
                        $"the manifest of reference {version} has `formatVersion` {MessageTextOf(format)}; this NmiGate reads format {Manifest.CurrentFormatVersion}. "
                        + "Upgrade NmiGate if a newer one registered it, or restore the file from version control.");
                }
            }

            return JsonSerializer.Deserialize(bytes, ManifestJsonContext.Default.Manifest)
                ?? throw Malformed(path, version, "the manifest is `null`");
        }
        catch (JsonException exception)
        {
            throw Malformed(path, version, $"the manifest is not valid: {exception.Message}", exception);
        }
    }

    private static void Check(Manifest manifest, string path, string gate, string version)
    {
        string? problem = null;
        if (!string.Equals(manifest.Gate, gate, StringComparison.Ordinal) || !string.Equals(manifest.Version, version, StringComparison.Ordinal))
        {
            throw Problem(DiagnosticCode.ManifestMismatch, path, version,
                $"the manifest in {gate}/{version} describes {Clip(manifest.Gate)}/{Clip(manifest.Version)}: a version folder was copied or renamed. "
                + "Versions are immutable; restore the folder from version control or register a new version.");
        }

        if (manifest.Created.Kind != DateTimeKind.Utc)
        {
            problem = "`created` must be a UTC time ending in `Z`";
        }
        else if (string.IsNullOrWhiteSpace(manifest.ToolVersion))
        {
            problem = "`toolVersion` is empty";
        }
        else if (manifest.RowCount < 1)
        {
            problem = "`rowCount` must be at least 1";
        }
        else if (manifest.ClusterCount < 1 || manifest.ClusterCount > manifest.RowCount)
        {
            problem = "`clusterCount` must be between 1 and `rowCount`";
        }
        else if (!Sha256.IsHex(manifest.PartitionSha256))
        {
            problem = "`partitionSha256` must be 64 lower-case hex digits";
        }
        else if (BadFile(manifest.Model) is { } model)
        {
            problem = "`model`" + model;
        }
        else if (BadFile(manifest.Data) is { } data)
        {
            problem = "`data`" + data;
        }
        else if (manifest.GitCommit is { } commit && !GitCommit.IsObjectId(commit))
        {
            problem = "`gitCommit` must be 40 or 64 lower-case hex digits";
        }
        else if (manifest.Note is { Length: > MaxNoteLength })
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"`note` is longer than {MaxNoteLength} characters");
        }
        else if (manifest.Comparison is { } comparison && (!VersionSpec.TryParse(comparison.Version, out _) || comparison.Metrics.Values.Any(v => !double.IsFinite(v))))
        {
            problem = "`comparison` must name a version `vN` and hold finite numbers";
        }

        if (problem is not null)
        {
            throw Malformed(path, version, problem);
        }
    }

    private static string? BadFile(HashedFile? file) => file switch
    {
        null => null,
        _ when string.IsNullOrWhiteSpace(file.File) || file.File.IndexOfAny(['/', '\\']) >= 0 => ".file must be a file name without folders",
        _ when !Sha256.IsHex(file.Sha256) => ".sha256 must be 64 lower-case hex digits",
        _ => null,
    };

    private static string MessageTextOf(JsonElement element) => Clip(element.GetRawText());

    private static string Clip(string? text) => Partitions.MessageText.Quote(text ?? "null");

    private static RegistryException Malformed(string path, string version, string what, Exception? inner = null) =>
        Problem(DiagnosticCode.ManifestMalformed, path, version,
            $"the manifest of reference {version} is malformed: {what.TrimEnd('.', ' ')}. A manifest is written by `nmigate register` and never edited: "
            + "restore it from version control, or register a new version.", inner);

    private static RegistryException Problem(DiagnosticCode code, string path, string version, string message, Exception? inner = null) =>
        new(new RegistryProblem(code, path, version, message), inner);
}
