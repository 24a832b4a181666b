using System.Globalization;
using NmiGate.Core.Partitions;
using NmiGate.Core.Scoring;

namespace NmiGate.Core.Diff;

/// <summary>
/// <see cref="ContingencyDiff.SampleMovedIds"/> for a check that joined its rows by id hash: the
/// same seeded reservoirs, over the rows in hash order instead of reference order, and only the
/// sampled ids' text read back from the data file. No per-row string is ever held: at 10^6 rows
/// the text alignment this replaces held ~200 MB of ids and dictionaries.
/// </summary>
internal static class HashedMovedIds
{
    /// <summary>
    /// Up to <paramref name="perCluster"/> ids of moved rows (not in their reference cluster's match)
    /// per reference cluster with moved rows, in the diff's order, each cluster's ids in data-file
    /// order. The same inputs and seed give the same sample on every machine.
    /// </summary>
    /// <exception cref="ArgumentException">The diff was not computed from these rows.</exception>
    public static IReadOnlyList<MovedIdSample> Sample(HashedLabels reference, ScoredRows candidate, ClusterDiff diff, int perCluster, ulong seed)
    {
        var clusters = diff.ReferenceClusters;
        var position = new Dictionary<string, int>(clusters.Count, StringComparer.Ordinal);
        for (var k = 0; k < clusters.Count; k++)
        {
            position[clusters[k].Label] = k;
        }

        // Per reference code: its diff cluster and the candidate key it is matched to (none: every row moved).
        var clusterOf = new int[reference.Labels.Length];
        var matchKey = new long[reference.Labels.Length];
        for (var code = 0; code < reference.Labels.Length; code++)
        {
            if (!position.TryGetValue(reference.Labels[code], out var k))
            {
                throw NotFromThese($"reference cluster '{reference.Labels[code]}' is not in the diff");
            }

            clusterOf[code] = k;
            matchKey[code] = clusters[k].Match is { } match && uint.TryParse(match.CandidateLabel, NumberStyles.None, CultureInfo.InvariantCulture, out var key) ? key : -1;
        }

        var reservoirs = new MovedRowReservoirs<ulong>(diff, perCluster, seed);
        var rows = Math.Min(reference.RowCount, candidate.SortedKeys.Count);
        for (var row = 0; row < rows; row++)
        {
            // The rows are joined: equal hashes at equal positions.
            var code = reference.Codes[row];
            if (candidate.SortedKeys[row] != matchKey[code])
            {
                reservoirs.Offer(clusterOf[code], reference.SortedHashes[row]);
            }
        }

        var wanted = new Dictionary<ulong, int>();
        for (var k = 0; k < clusters.Count; k++)
        {
            if (reservoirs.Seen(k) != clusters[k].MovedRows)
            {
                throw NotFromThese($"reference cluster '{clusters[k].Label}' has {reservoirs.Seen(k)} moved rows here, {clusters[k].MovedRows} in the diff");
            }

            foreach (var hash in reservoirs.Sample(k))
            {
                wanted[hash] = k;
            }
        }

        // One pass over the data file for the sampled ids' text, in file order.
        var ids = new List<string>[clusters.Count];
        foreach (var (id, _) in DataRows.ReadWhere(candidate.DataPath, candidate.Separator, candidate.IdField, wanted.ContainsKey))
        {
            var k = wanted[IdHash.Of(id)];
            (ids[k] ??= []).Add(id);
        }

        var samples = new List<MovedIdSample>();
        for (var k = 0; k < clusters.Count; k++)
        {
            if (reservoirs.Seen(k) > 0)
            {
                samples.Add(new MovedIdSample(clusters[k].Reference, clusters[k].Label, clusters[k].MovedRows, ids[k] ?? []));
            }
        }

        return samples;

        static ArgumentException NotFromThese(string detail) =>
            new($"The diff was not computed from these rows: {detail}.", nameof(diff));
    }
}
