using System.Globalization;
using System.Text;
using NmiGate.Core.Diagnostics;
using NmiGate.Core.Partitions;

namespace NmiGate.Core.Registry;

/// <summary>
/// Writes a registered <c>partition.csv</c> in its one canonical byte form, so equal partitions hash
/// equal and a PR diff shows only real changes: header <c>id,cluster</c>, rows sorted by id
/// (ordinal), LF line ends, UTF-8 without BOM, RFC 4180 quotes only where a field needs them.
/// </summary>
internal static class PartitionCsv
{
    /// <summary>Longest id or label accepted; the partition reader refuses rows over a million characters.</summary>
    public const int MaxFieldLength = 1 << 16;

    /// <summary>
    /// Checks and sorts a partition for registration.
    /// </summary>
    /// <exception cref="RegistryException">No rows, lengths differ, or an id or label is blank, duplicated, too long or unwritable.</exception>
    public static (string[] Ids, string[] Clusters, int ClusterCount) Prepare(IReadOnlyList<string> ids, IReadOnlyList<string> clusters, string gateFolder)
    {
        if (ids.Count == 0)
        {
            throw Invalid(gateFolder, "the partition has no rows; a reference needs at least one labelled id.");
        }

        if (ids.Count != clusters.Count)
        {
            throw Invalid(gateFolder, string.Create(CultureInfo.InvariantCulture, $"there are {ids.Count} ids but {clusters.Count} cluster labels; give one label per id."));
        }

        var sortedIds = ids.ToArray();
        var sortedClusters = clusters.ToArray();
        for (var i = 0; i < sortedIds.Length; i++)
        {
            CheckField(sortedIds[i], "id", i, null, gateFolder);
            CheckField(sortedClusters[i], "cluster label", i, sortedIds[i], gateFolder);
        }

        Array.Sort(sortedIds, sortedClusters, StringComparer.Ordinal);
        for (var i = 1; i < sortedIds.Length; i++)
        {
            if (string.Equals(sortedIds[i - 1], sortedIds[i], StringComparison.Ordinal))
            {
                throw Invalid(gateFolder, $"the id {MessageText.Quote(sortedIds[i])} appears more than once; ids must be unique.");
            }
        }

        var clusterCount = sortedClusters.Distinct(StringComparer.Ordinal).Count();
        return (sortedIds, sortedClusters, clusterCount);
    }

    /// <summary>Writes prepared (sorted, checked) rows to <paramref name="path"/> and flushes them to disk.</summary>
    public static void Write(string path, string[] ids, string[] clusters)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), bufferSize: 1 << 16, leaveOpen: true))
        {
            writer.Write("id,cluster\n");
            for (var i = 0; i < ids.Length; i++)
            {
                WriteField(writer, ids[i]);
                writer.Write(',');
                WriteField(writer, clusters[i]);
                writer.Write('\n');
            }
        }

        stream.Flush(flushToDisk: true);
    }

    private static void WriteField(StreamWriter writer, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }

    private static void CheckField(string? value, string what, int row, string? id, string gateFolder)
    {
        string? problem = value switch
        {
            null => "is missing",
            _ when string.IsNullOrWhiteSpace(value) => "is blank",
            { Length: > MaxFieldLength } => string.Create(CultureInfo.InvariantCulture, $"is longer than {MaxFieldLength} characters"),
            _ when value.AsSpan().IndexOfAny('\0', '\uFFFD') >= 0 => "contains a NUL or U+FFFD character, which a partition file cannot carry",
            _ when HasLoneSurrogate(value) => "is not valid Unicode (a lone surrogate)",
            _ => null,
        };
        if (problem is not null)
        {
            var ofId = id is null ? string.Empty : " (id " + MessageText.Quote(id) + ")";
            throw Invalid(gateFolder, string.Create(CultureInfo.InvariantCulture, $"the {what} of row {row + 1}{ofId} {problem}."));
        }
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static RegistryException Invalid(string gateFolder, string message) =>
        new(new RegistryProblem(DiagnosticCode.InvalidRegistration, gateFolder, null, "cannot register: " + message));
}
