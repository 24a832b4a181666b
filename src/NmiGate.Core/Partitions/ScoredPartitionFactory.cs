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

        return new Partition(dataPath, PartitionColumns.Default, ids, clusters, lines, RowById(scored, ids), distinct.Count);
    }

    /// <summary>
    /// The id index scoring built for its duplicate check (id → row, the same rows as here), or a
    /// new one. Reusing it saves a second dictionary of N entries, the largest part of the candidate.
    /// </summary>
    private static Dictionary<string, int> RowById(ScoredPartition scored, string[] ids)
    {
        if (scored.RowById is { } built && built.Count == ids.Length && ReferenceEquals(built.Comparer, StringComparer.Ordinal))
        {
            return built;
        }

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
