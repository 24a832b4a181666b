using System.Globalization;

namespace NmiGate.Core.Scoring;

/// <summary>
/// Reads ids back from a data file that was scored, by row index. Scoring keeps only each id's
/// hash; the text is needed only for messages and for callers that ask for the ids.
/// </summary>
internal static class DataRows
{
    /// <summary>The id and line of each of <paramref name="rows"/> (0-based data rows).</summary>
    public static Dictionary<int, (string Id, long Line)> Read(string path, char separator, int idField, IReadOnlyCollection<int> rows)
    {
        var wanted = new HashSet<int>(rows);
        var found = new Dictionary<int, (string Id, long Line)>(wanted.Count);
        var last = wanted.Count == 0 ? -1 : wanted.Max();
        using var reader = Open(path, separator);
        for (var row = 0; row <= last; row++)
        {
            if (!reader.ReadRow())
            {
                throw Changed(path, row);
            }

            if (wanted.Contains(row))
            {
                found[row] = (reader.GetString(idField), reader.LineNumber);
            }
        }

        return found;
    }

    /// <summary>Every row's id and line, in file order; <paramref name="hashes"/> (file order) confirm the file is the one scored.</summary>
    public static (string[] Ids, long[] Lines) ReadAll(string path, char separator, int idField, ulong[] hashes)
    {
        var ids = new string[hashes.Length];
        var lines = new long[hashes.Length];
        using var reader = Open(path, separator);
        for (var row = 0; row < ids.Length; row++)
        {
            if (!reader.ReadRow())
            {
                throw Changed(path, row);
            }

            var id = reader.GetString(idField);
            if (Partitions.IdHash.Of(id) != hashes[row])
            {
                throw Changed(path, row);
            }

            ids[row] = id;
            lines[row] = reader.LineNumber;
        }

        return (ids, lines);
    }

    private static DelimitedReader Open(string path, char separator)
    {
        var reader = new DelimitedReader(path, separator);
        reader.ReadHeader();
        return reader;
    }

    private static ScoringException Changed(string path, int row) => new(
        ScoringErrorCodes.InputSchemaMismatch,
        string.Create(CultureInfo.InvariantCulture, $"{path}: the file changed while it was being scored (data row {row + 1} is not the row scored). Do not write the data file during a check; run it again."),
        path);
}
