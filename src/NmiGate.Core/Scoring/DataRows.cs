using System.Globalization;
using System.Numerics;

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
    public static (string[] Ids, long[] Lines) ReadAll(string path, char separator, int idField, ulong[] sortedHashes, int count, ulong orderDigest)
    {
        var digest = 0UL;
        var ids = new string[count];
        var lines = new long[count];
        using var reader = Open(path, separator);
        for (var row = 0; row < ids.Length; row++)
        {
            if (!reader.ReadRow())
            {
                throw Changed(path, row);
            }

            var hash = ScoringRun.HashOfId(reader, idField);
            if (Array.BinarySearch(sortedHashes, 0, count, hash) < 0)
            {
                throw Changed(path, row);
            }

            digest = Digest(digest, hash);

            ids[row] = reader.GetString(idField);
            lines[row] = reader.LineNumber;
        }

        if (reader.ReadRow() || digest != orderDigest)
        {
            throw Changed(path, count);
        }

        return (ids, lines);
    }

    /// <summary>Folds the next id hash into an order-sensitive digest (rows swapped give another digest).</summary>
    public static ulong Digest(ulong digest, ulong hash) => (BitOperations.RotateLeft(digest, 5) ^ hash) * 0x9E3779B97F4A7C15UL;

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
