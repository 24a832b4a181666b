using System.Globalization;

namespace NmiGate.Core.Scoring;

/// <summary>
/// Reads ids back from a data file that was scored, by row index. Scoring keeps only each id's
/// hash; the text is needed only for messages and for callers that ask for the ids.
/// </summary>
internal static class DataRows
{
    /// <summary>The id and line of each row whose id hash <paramref name="wanted"/> accepts, in file order.</summary>
    public static List<(string Id, long Line)> ReadWhere(string path, char separator, int idField, Func<ulong, bool> wanted)
    {
        var found = new List<(string, long)>();
        using var reader = Open(path, separator);
        while (reader.ReadRow())
        {
            if (wanted(ScoringRun.HashOfId(reader, idField)))
            {
                found.Add((reader.GetString(idField), reader.LineNumber));
            }
        }

        return found;
    }

    /// <summary>
    /// Every row's id and line, in file order. The file must still be the one scored: as many rows,
    /// each id's hash among <paramref name="sortedHashes"/> (ascending, first <paramref name="count"/> entries).
    /// </summary>
    public static (string[] Ids, long[] Lines) ReadAll(string path, char separator, int idField, ulong[] sortedHashes, int count)
    {
        var ids = new string[count];
        var lines = new long[count];
        using var reader = Open(path, separator);
        for (var row = 0; row < ids.Length; row++)
        {
            if (!reader.ReadRow() || Array.BinarySearch(sortedHashes, 0, count, ScoringRun.HashOfId(reader, idField)) < 0)
            {
                throw Changed(path, row);
            }

            ids[row] = reader.GetString(idField);
            lines[row] = reader.LineNumber;
        }

        if (reader.ReadRow())
        {
            throw Changed(path, count);
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
