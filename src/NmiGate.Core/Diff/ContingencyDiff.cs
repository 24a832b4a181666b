using NmiGate.Core.Metrics;
using NmiGate.Core.Partitions;

namespace NmiGate.Core.Diff;

/// <summary>
/// Tells what became of each reference cluster in the candidate partition. Cluster ids are
/// arbitrary across retrains, so clusters are aligned first by a maximum-weight one-to-one
/// matching on the contingency table (<see cref="HungarianMatching"/>); the matching, not the
/// labels, says which candidate cluster "is" a reference cluster. See docs/diff.md.
/// </summary>
public static class ContingencyDiff
{
    /// <summary>Aligns the clusters of <paramref name="table"/> and describes every reference cluster's fate.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">The table has more than <see cref="Array.MaxLength"/> reference × candidate pairs.</exception>
    public static ClusterDiff Compute(ContingencyTable table, DiffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= DiffOptions.Default;
        options.Validate();

        var referenceCount = table.ReferenceClusterCount;
        var candidateCount = table.CandidateClusterCount;
        if ((long)referenceCount * candidateCount > Array.MaxLength)
        {
            throw new ArgumentException(
                $"The table has {referenceCount} reference and {candidateCount} candidate clusters; the diff's dense matching supports at most {Array.MaxLength} pairs.",
                nameof(table));
        }

        var cellReferences = table.CellReferences;
        var cellCandidates = table.CellCandidates;
        var cellCounts = table.CellCounts;
        var weights = new long[referenceCount * candidateCount];
        for (var i = 0; i < cellCounts.Length; i++)
        {
            weights[(cellReferences[i] * candidateCount) + cellCandidates[i]] = cellCounts[i];
        }

        var referenceMatch = HungarianMatching.Solve(weights, referenceCount, candidateCount);
        var candidateMatch = new int[candidateCount];
        Array.Fill(candidateMatch, -1);
        var matches = new List<ClusterMatch>();
        long keptTotal = 0;
        for (var r = 0; r < referenceCount; r++)
        {
            var c = referenceMatch[r];
            if (c >= 0)
            {
                candidateMatch[c] = r;
                var shared = weights[(r * candidateCount) + c];
                keptTotal += shared;
                matches.Add(new ClusterMatch(r, table.ReferenceLabels[r], c, table.CandidateLabels[c], shared));
            }
        }

        var context = new Context(table, options, referenceMatch, HeavyHolders(table, options.MergeShare));
        var changes = new ReferenceClusterChange[referenceCount];
        var rowStart = 0;
        for (var r = 0; r < referenceCount; r++)
        {
            // Cells are sorted by reference, so a reference cluster's cells are one contiguous run.
            var rowEnd = rowStart;
            while (rowEnd < cellReferences.Length && cellReferences[rowEnd] == r)
            {
                rowEnd++;
            }

            changes[r] = context.Describe(r, rowStart, rowEnd);
            rowStart = rowEnd;
        }

        // Biggest movements first; the stable sort keeps label order among equals.
        var ordered = changes.OrderByDescending(change => change.MovedRows).ToArray();
        return new ClusterDiff(table.RowCount, keptTotal, table.RowCount - keptTotal, matches, ordered, NewClusters(table, options, candidateMatch), options);
    }

    /// <summary>
    /// A seeded sample of the ids of moved rows (rows not in their reference cluster's match), up
    /// to <paramref name="perCluster"/> per reference cluster, for every cluster with moved rows,
    /// in the order of <see cref="ClusterDiff.ReferenceClusters"/>. The same partitions, diff,
    /// size and seed give the same sample on every machine.
    /// </summary>
    /// <remarks>One pass over the rows with a reservoir per cluster (Algorithm R), all drawing from
    /// one xoshiro256** stream in row order, so no row list per cluster is ever held.</remarks>
    /// <exception cref="ArgumentException">The diff was not computed from these partitions.</exception>
    public static IReadOnlyList<MovedIdSample> SampleMovedIds(AlignedPartitions aligned, ClusterDiff diff, int perCluster, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(aligned);
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentOutOfRangeException.ThrowIfNegative(perCluster);
        if (aligned.RowCount != diff.RowCount)
        {
            throw NotFromThese($"the partitions have {aligned.RowCount} rows, the diff {diff.RowCount}");
        }

        var clusters = diff.ReferenceClusters;
        var position = new Dictionary<string, int>(clusters.Count, StringComparer.Ordinal);
        for (var k = 0; k < clusters.Count; k++)
        {
            position[clusters[k].Label] = k;
        }

        var reservoirs = new MovedRowReservoirs<int>(diff, perCluster, seed);
        var referenceLabels = aligned.ReferenceLabels;
        var candidateLabels = aligned.CandidateLabels;
        for (var row = 0; row < referenceLabels.Length; row++)
        {
            if (!position.TryGetValue(referenceLabels[row], out var k))
            {
                throw NotFromThese($"reference cluster {MessageText.Quote(referenceLabels[row])} is not in the diff");
            }

            var match = clusters[k].Match;
            if (match is null || !string.Equals(candidateLabels[row], match.CandidateLabel, StringComparison.Ordinal))
            {
                reservoirs.Offer(k, row);
            }
        }

        var samples = new List<MovedIdSample>();
        for (var k = 0; k < clusters.Count; k++)
        {
            var seen = reservoirs.Seen(k);
            if (seen != clusters[k].MovedRows)
            {
                throw NotFromThese($"reference cluster {MessageText.Quote(clusters[k].Label)} has {seen} moved rows in the partitions, {clusters[k].MovedRows} in the diff");
            }

            if (seen == 0)
            {
                continue;
            }

            var rows = reservoirs.Sample(k);
            Array.Sort(rows);
            var ids = new string[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                ids[i] = aligned.Ids[rows[i]];
            }

            samples.Add(new MovedIdSample(clusters[k].Reference, clusters[k].Label, clusters[k].MovedRows, ids));
        }

        return samples;

        static ArgumentException NotFromThese(string detail) =>
            new($"The diff was not computed from these partitions: {detail}. Compute it from aligned.ToContingencyTable().", nameof(diff));
    }

    /// <summary>For each candidate cluster, the reference clusters it holds at least <paramref name="share"/> of.</summary>
    private static List<(int Reference, long Rows)>?[] HeavyHolders(ContingencyTable table, double share)
    {
        var holders = new List<(int, long)>?[table.CandidateClusterCount];
        var sizes = table.ReferenceSizes;
        for (var i = 0; i < table.CellCount; i++)
        {
            var cell = table.GetCell(i);
            if (Share(cell.Count, sizes[cell.Reference]) >= share)
            {
                (holders[cell.Candidate] ??= []).Add((cell.Reference, cell.Count));
            }
        }

        return holders;
    }

    private static List<NewCluster> NewClusters(ContingencyTable table, DiffOptions options, int[] candidateMatch)
    {
        var sources = new List<(int Reference, long Rows)>?[table.CandidateClusterCount];
        for (var i = 0; i < table.CellCount; i++)
        {
            var cell = table.GetCell(i);
            if (candidateMatch[cell.Candidate] < 0)
            {
                (sources[cell.Candidate] ??= []).Add((cell.Reference, cell.Count));
            }
        }

        var result = new List<NewCluster>();
        for (var c = 0; c < sources.Length; c++)
        {
            if (sources[c] is not { } list)
            {
                continue;
            }

            var size = table.CandidateSizes[c];
            var top = Top(list, options.MaxDestinations, size, table.ReferenceLabels, out var otherRows, out var otherCount);
            result.Add(new NewCluster(c, table.CandidateLabels[c], size, top, otherRows, otherCount));
        }

        return [.. result.OrderByDescending(cluster => cluster.Size)];
    }

    /// <summary>The <paramref name="limit"/> largest flows, most rows first, ties by index; the rest summed.</summary>
    private static ClusterFlow[] Top(List<(int Cluster, long Rows)> flows, int limit, long of, IReadOnlyList<string> labels, out long otherRows, out int otherCount)
    {
        flows.Sort(static (x, y) => x.Rows != y.Rows ? y.Rows.CompareTo(x.Rows) : x.Cluster.CompareTo(y.Cluster));
        var listed = Math.Min(limit, flows.Count);
        var top = new ClusterFlow[listed];
        for (var i = 0; i < listed; i++)
        {
            top[i] = new ClusterFlow(flows[i].Cluster, labels[flows[i].Cluster], flows[i].Rows, Share(flows[i].Rows, of));
        }

        otherRows = 0;
        for (var i = listed; i < flows.Count; i++)
        {
            otherRows += flows[i].Rows;
        }

        otherCount = flows.Count - listed;
        return top;
    }

    /// <summary>
    /// Rows as a fraction of <paramref name="of"/>. Division is correctly rounded, so a ratio equal
    /// to a threshold written as a decimal literal (9/10 and 0.9) gives the same double and
    /// compares equal: a share exactly at a threshold counts as reaching it.
    /// </summary>
    private static double Share(long rows, long of) => of == 0 ? 0.0 : (double)rows / of;

    /// <summary>What <see cref="Describe"/> needs about the whole table.</summary>
    private sealed class Context(ContingencyTable table, DiffOptions options, int[] referenceMatch, List<(int Reference, long Rows)>?[] heavyHolders)
    {
        public ReferenceClusterChange Describe(int r, int cellStart, int cellEnd)
        {
            var size = table.ReferenceSizes[r];
            var matched = referenceMatch[r];
            var label = table.ReferenceLabels[r];
            var candidateLabels = table.CandidateLabels;
            var cellCandidates = table.CellCandidates;
            var cellCounts = table.CellCounts;

            long kept = 0;
            var destinations = new List<(int, long)>(cellEnd - cellStart);
            var splitInto = new List<(int, long)>();
            int main = -1;
            long mainRows = 0;
            for (var i = cellStart; i < cellEnd; i++)
            {
                var c = cellCandidates[i];
                var rows = cellCounts[i];
                if (c == matched)
                {
                    kept = rows;
                }
                else
                {
                    destinations.Add((c, rows));
                }

                if (Share(rows, size) >= options.SplitShare)
                {
                    splitInto.Add((c, rows));
                }

                // Main destination: most rows; on a tie the match, then the lowest index (cells come in index order).
                if (rows > mainRows || (rows == mainRows && c == matched))
                {
                    main = c;
                    mainRows = rows;
                }
            }

            var match = matched >= 0 ? new ClusterMatch(r, label, matched, candidateLabels[matched], kept) : null;
            var top = Top(destinations, options.MaxDestinations, size, candidateLabels, out var otherRows, out var otherCount);

            ClusterFlow[] split = [];
            ClusterFlow? mergedInto = null;
            ClusterFlow[] mergedWith = [];
            ChangeKind kind;
            if (splitInto.Count >= 2)
            {
                kind = ChangeKind.Split;
                split = Top(splitInto, int.MaxValue, size, candidateLabels, out _, out _);
            }
            else if (main >= 0 && Share(mainRows, size) >= options.MergeShare && MergedWith(r, main) is { Length: > 0 } others)
            {
                kind = ChangeKind.MergedInto;
                mergedInto = new ClusterFlow(main, candidateLabels[main], mainRows, Share(mainRows, size));
                mergedWith = others;
            }
            else if (match is null)
            {
                kind = ChangeKind.Vanished;
            }
            else
            {
                kind = Share(kept, size) >= options.StableShare ? ChangeKind.Stable : ChangeKind.Shrunk;
            }

            return new ReferenceClusterChange(
                r, label, size, match, kept, Share(kept, size), size - kept, top, otherRows, otherCount, kind, split, mergedInto, mergedWith);
        }

        /// <summary>The other reference clusters candidate cluster <paramref name="c"/> holds a large share of, each share of its own size.</summary>
        private ClusterFlow[] MergedWith(int r, int c)
        {
            if (heavyHolders[c] is not { } holders)
            {
                return [];
            }

            var others = new List<(int, long)>(holders.Count);
            foreach (var (reference, rows) in holders)
            {
                if (reference != r)
                {
                    others.Add((reference, rows));
                }
            }

            var result = Top(others, int.MaxValue, 1, table.ReferenceLabels, out _, out _);
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = result[i] with { Share = Share(result[i].Rows, table.ReferenceSizes[result[i].Cluster]) };
            }

            return result;
        }
    }
}
