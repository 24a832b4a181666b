using System.Globalization;
using System.Text;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Partitions;

/// <summary>
/// Reads contingency counts: delimited text (as <see cref="PartitionFile"/>) with a header naming a
/// reference label, a candidate label and a count column, one row per pair, e.g. the output of
/// <c>SELECT reference, candidate, COUNT(*) AS count ... GROUP BY reference, candidate</c>. Tables
/// are additive, so a pair may repeat (within a file or across files: shards counted apart) and
/// its counts are summed.
/// </summary>
public static class CountsFile
{
    /// <summary>The default header names.</summary>
    public static (string Reference, string Candidate, string Count) DefaultColumns { get; } = ("reference", "candidate", "count");

    /// <summary>Reads every file and merges their counts into one table.</summary>
    /// <exception cref="NmiGateInputException">
    /// A file is missing, unreadable, empty, lacks a column, has a ragged row, a blank label, or a
    /// count that is not a whole number ≥ 0; or all files together hold no rows.
    /// </exception>
    public static ContingencyTable Read(IReadOnlyList<string> paths, (string Reference, string Candidate, string Count)? columns = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new ArgumentException("No counts file given.", nameof(paths));
        }

        var names = columns ?? DefaultColumns;
        var triples = new List<(string, string, long)>();
        long total = 0;
        foreach (var path in paths)
        {
            total = checked(total + ReadInto(path, names, triples));
        }

        if (total == 0)
        {
            throw new NmiGateInputException(paths[^1], null,
                "the counts add up to zero rows: there is nothing to compare. Check the query that produced the counts.");
        }

        return ContingencyTable.FromCounts(triples);
    }

    private static long ReadInto(string path, (string Reference, string Candidate, string Count) names, List<(string, string, long)> triples)
    {
        try
        {
            using var stream = PartitionFile.Open(path);
            using var text = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            var reader = new DelimitedRecordReader(text, path, PartitionFile.DelimiterOf(path));
            if (!reader.Read())
            {
                throw new NmiGateInputException(path, 1,
                    $"the file is empty. Expected a header row naming the columns '{names.Reference}', '{names.Candidate}' and '{names.Count}', then one row per pair of clusters.");
            }

            var header = reader.FieldsToArray();
            var headerLine = reader.RecordLine;
            PartitionFile.RequireDelimiter(header, path, headerLine);
            var referenceIndex = PartitionFile.ColumnIndex(header, names.Reference, "reference", path, headerLine);
            var candidateIndex = PartitionFile.ColumnIndex(header, names.Candidate, "candidate", path, headerLine);
            var countIndex = PartitionFile.ColumnIndex(header, names.Count, "count", path, headerLine);
            long rows = 0;
            while (reader.Read())
            {
                var line = reader.RecordLine;
                if (reader.FieldCount != header.Length)
                {
                    throw new NmiGateInputException(path, line,
                        $"this row has {reader.FieldCount} fields but the header (line {headerLine}) has {header.Length}. Quote labels that contain the delimiter.");
                }

                var reference = Label(reader.Field(referenceIndex), names.Reference, path, line);
                var candidate = Label(reader.Field(candidateIndex), names.Candidate, path, line);
                var countText = reader.Field(countIndex);
                if (!long.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    throw new NmiGateInputException(path, line,
                        $"the count {MessageText.Quote(countText)} (column '{names.Count}') is not a whole number ≥ 0. Write plain digits, e.g. 1250.");
                }

                triples.Add((reference, candidate, count));
                rows = checked(rows + count);
            }

            return rows;
        }
        catch (IOException exception)
        {
            throw new NmiGateInputException(path, null, $"cannot be read: {exception.Message}", exception);
        }
        catch (OverflowException exception)
        {
            throw new NmiGateInputException(path, null, "the counts add up to more than 2^63 − 1 rows. Check the query that produced them.", exception);
        }
    }

    private static string Label(ReadOnlySpan<char> value, string column, string path, long line) => value.IsWhiteSpace()
        ? throw new NmiGateInputException(path, line, $"the label in column '{column}' is empty. Every pair needs both cluster labels.")
        : value.ToString();
}
