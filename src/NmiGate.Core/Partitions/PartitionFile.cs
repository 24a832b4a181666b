using System.Globalization;
using System.Text;

namespace NmiGate.Core.Partitions;

/// <summary>
/// Reads a partition file: UTF-8 (with or without BOM) delimited text with a header row, comma
/// separated or tab separated for <c>.tsv</c>, RFC 4180 quoting. Only the id and cluster columns
/// are used; other columns are ignored. The file is streamed record by record.
/// </summary>
public static class PartitionFile
{
    /// <summary>Reads <paramref name="path"/>; every problem is reported with the file and line.</summary>
    /// <exception cref="NmiGateInputException">
    /// The file is missing, a directory, unreadable, not text, empty, has no data rows, lacks a
    /// column, or has a ragged row, a malformed quote, a blank id or label, or a duplicate id.
    /// </exception>
    public static Partition Read(string path, PartitionColumns? columns = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        columns ??= PartitionColumns.Default;
        try
        {
            using var stream = Open(path);
            using var text = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            var reader = new DelimitedRecordReader(text, path, DelimiterOf(path));
            return Read(reader, path, columns);
        }
        catch (IOException exception)
        {
            throw new NmiGateInputException(path, null, $"cannot be read: {exception.Message}", exception);
        }
    }

    /// <summary>The field delimiter for a file: tab for <c>.tsv</c>, comma otherwise.</summary>
    public static char DelimiterOf(string path) =>
        Path.GetExtension(path).Equals(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';

    internal static FileStream Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw new NmiGateInputException(path, null, "is a directory, not a partition file. Pass a .csv or .tsv file with a header row.");
        }

        if (!File.Exists(path))
        {
            throw new NmiGateInputException(path, null,
                $"no such file (looked for {Path.GetFullPath(path)}). Check the path; a relative path is resolved from the current directory.");
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new NmiGateInputException(path, null, "cannot be read: permission denied. Make the file readable by the user running nmigate.", exception);
        }
    }

    private static Partition Read(DelimitedRecordReader reader, string path, PartitionColumns columns)
    {
        if (!reader.Read())
        {
            // Line 1 even though there is none: editors and CI annotations open an empty file there.
            throw new NmiGateInputException(path, 1,
                $"the file is empty. Expected a header row naming the columns '{columns.Id}' and '{columns.Cluster}', then one row per id.");
        }

        var header = reader.FieldsToArray();
        var headerLine = reader.RecordLine;
        RequireDelimiter(header, path, headerLine);
        var idIndex = ColumnIndex(header, columns.Id, "id", path, headerLine);
        var clusterIndex = ColumnIndex(header, columns.Cluster, "cluster", path, headerLine);

        var ids = new List<string>();
        var clusters = new List<string>();
        var lines = new List<long>();
        var rowById = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowByIdLookup = rowById.GetAlternateLookup<ReadOnlySpan<char>>();

        // One string per distinct label, not per row: the labels repeat, the ids do not.
        var labels = new HashSet<string>(StringComparer.Ordinal);
        var labelLookup = labels.GetAlternateLookup<ReadOnlySpan<char>>();

        while (reader.Read())
        {
            var line = reader.RecordLine;
            if (reader.FieldCount != header.Length)
            {
                throw new NmiGateInputException(path, line,
                    $"this row has {Count(reader.FieldCount, "field")} but the header (line {headerLine}) has {header.Length}. "
                    + $"Check for a missing or extra {Describe(DelimiterOf(path))}, and quote values that contain one.");
            }

            var id = reader.Field(idIndex);
            if (id.IsWhiteSpace())
            {
                throw new NmiGateInputException(path, line, $"the id (column '{columns.Id}') is empty. Every row needs an id.");
            }

            var cluster = reader.Field(clusterIndex);
            if (cluster.IsWhiteSpace())
            {
                throw new NmiGateInputException(path, line,
                    $"the cluster (column '{columns.Cluster}') of id {MessageText.Quote(id)} is empty. Every row needs a cluster label; drop the row from both files or label it.");
            }

            if (rowByIdLookup.TryGetValue(id, out var earlier))
            {
                throw new NmiGateInputException(path, line,
                    $"duplicate id {MessageText.Quote(id)}: it is on line {lines[earlier].ToString(CultureInfo.InvariantCulture)} and again on line {line.ToString(CultureInfo.InvariantCulture)}. "
                    + "Ids must be unique; remove or fix one of the rows.");
            }

            var idText = id.ToString();
            rowById.Add(idText, ids.Count);
            if (!labelLookup.TryGetValue(cluster, out var label))
            {
                label = cluster.ToString();
                labels.Add(label);
            }

            ids.Add(idText);
            clusters.Add(label);
            lines.Add(line);
        }

        if (ids.Count == 0)
        {
            throw new NmiGateInputException(path, headerLine,
                "the file has a header but no data rows. Add one row per id with its cluster label.");
        }

        return new Partition(path, columns, [.. ids], [.. clusters], [.. lines], rowById, labels.Count);
    }

    /// <summary>A header read as one column but holding another delimiter means the wrong delimiter, not a missing column.</summary>
    internal static void RequireDelimiter(string[] header, string path, long headerLine)
    {
        if (header.Length != 1)
        {
            return;
        }

        var other = header[0].AsSpan().IndexOfAny("\t,;|");
        if (other >= 0)
        {
            var found = header[0][other] == '\t' ? "tab" : $"'{header[0][other]}'";
            throw new NmiGateInputException(path, headerLine,
                $"the header is a single column containing a {found}, so the file is not {Describe(DelimiterOf(path))}-separated. "
                + "Files named .tsv are read as tab-separated and all others as comma-separated: rename the file or convert it.");
        }
    }

    internal static int ColumnIndex(string[] header, string name, string role, string path, long headerLine)
    {
        var index = -1;
        for (var i = 0; i < header.Length; i++)
        {
            if (!string.Equals(header[i], name, StringComparison.Ordinal))
            {
                continue;
            }

            if (index >= 0)
            {
                throw new NmiGateInputException(path, headerLine,
                    $"the header names column '{name}' twice (columns {index + 1} and {i + 1}); rename one so the {role} column is unambiguous.");
            }

            index = i;
        }

        if (index >= 0)
        {
            return index;
        }

        var existing = string.Join(", ", header.Select(h => MessageText.Quote(h)));
        var nearMiss = header.FirstOrDefault(h => string.Equals(h.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
        var hint = nearMiss is null ? string.Empty : $" Did you mean {MessageText.Quote(nearMiss)}? Names match exactly, case and spaces included.";
        throw new NmiGateInputException(path, headerLine,
            $"no {role} column '{name}' in the header; the columns are {existing}.{hint} "
            + $"Rename the column, or name one of these as the {role} column.");
    }

    private static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");

    private static string Describe(char delimiter) => delimiter == '\t' ? "tab" : "comma";
}
