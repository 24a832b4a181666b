using System.Globalization;
using NmiGate.Core.Scoring;

namespace NmiGate.Core.Partitions;

/// <summary>Turns a scored held-out set into a <see cref="Partition"/>: the labels are the model's cluster keys as text.</summary>
internal static class ScoredPartitionFactory
{
    /// <summary>
    /// The partition of <paramref name="scored"/>, named after <paramref name="dataPath"/>, with each
    /// id's data-file line. Scoring has already refused duplicate and empty ids.
    /// </summary>
    public static Partition Create(string dataPath, ScoredPartition scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var count = scored.Ids.Count;
        var ids = new string[count];
        var clusters = new string[count];
        var lines = new long[count];
        var distinct = new HashSet<uint>();
        for (var i = 0; i < count; i++)
        {
            ids[i] = scored.Ids[i];
            var key = scored.ClusterIds[i];
            clusters[i] = key.ToString(CultureInfo.InvariantCulture);
            lines[i] = scored.Lines is { } scoredLines ? scoredLines[i] : i + 2L;
            distinct.Add(key);
        }

        return new Partition(dataPath, PartitionColumns.Default, ids, clusters, lines, RowById(ids), distinct.Count);
    }

    private static Dictionary<string, int> RowById(string[] ids)
    {
        var rowById = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            if (!rowById.TryAdd(ids[i], i))
            {
                throw new InvalidOperationException($"Scoring returned id '{ids[i]}' twice; it must refuse duplicate ids.");
            }
        }

        return rowById;
    }
}
