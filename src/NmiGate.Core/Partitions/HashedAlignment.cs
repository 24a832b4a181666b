using System.Globalization;
using System.Runtime.CompilerServices;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Partitions;

/// <summary>
/// Joins a reference and a candidate by id hash: one merge of two sorted arrays, counting each
/// matched row straight into the contingency table. Ids are not compared as text; two different
/// ids would have to share a 64-bit hash across the two files for a row to be misjoined
/// (same-side collisions are detected and handled by text).
/// </summary>
internal static class HashedAlignment
{
    /// <summary>Cluster keys below this find their table column in an array, not a dictionary.</summary>
    private const int SmallKeys = 1024;

    /// <summary>
    /// The contingency table of the rows both sides share, or null when some id is in one side only
    /// (the caller then aligns by text, whose error lists those ids with their lines).
    /// </summary>
    /// <param name="reference">The reference, sorted by hash.</param>
    /// <param name="candidateHashes">The candidate's id hashes, ascending (entries past <paramref name="candidateKeys"/>' count are unused).</param>
    /// <param name="candidateKeys">The cluster key of each candidate hash, in the same order.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ContingencyTable? TryCount(HashedLabels reference, ulong[] candidateHashes, IReadOnlyList<uint> candidateKeys)
    {
        if (reference.RowCount != candidateKeys.Count)
        {
            return null;
        }

        var keys = new List<uint>();
        var keyColumn = new Dictionary<uint, int>();
        var smallKeyColumn = new int[SmallKeys]; // column + 1 of each small key (0: not seen yet), looked up per row
        var width = 0;
        var counts = new long[reference.Labels.Length * 16];
        var referenceHashes = reference.SortedHashes;
        for (var i = 0; i < referenceHashes.Length; i++)
        {
            if (referenceHashes[i] != candidateHashes[i])
            {
                return null; // equal lengths and distinct hashes: any difference is an unmatched id
            }

            var key = candidateKeys[i];
            var column = key < SmallKeys ? smallKeyColumn[key] - 1 : keyColumn.GetValueOrDefault(key, -1);
            if (column < 0)
            {
                column = width++;
                if (key < SmallKeys)
                {
                    smallKeyColumn[key] = column + 1;
                }
                else
                {
                    keyColumn.Add(key, column);
                }

                keys.Add(key);
                if (width * reference.Labels.Length > counts.Length)
                {
                    Array.Resize(ref counts, counts.Length * 2);
                }
            }

            counts[(column * reference.Labels.Length) + reference.Codes[i]]++;
        }

        var cells = new List<(string, string, long)>();
        for (var column = 0; column < width; column++)
        {
            var candidate = keys[column].ToString(CultureInfo.InvariantCulture);
            for (var code = 0; code < reference.Labels.Length; code++)
            {
                var count = counts[(column * reference.Labels.Length) + code];
                if (count > 0)
                {
                    cells.Add((reference.Labels[code], candidate, count));
                }
            }
        }

        return ContingencyTable.FromCounts(cells);
    }
}
