using System.Globalization;
using System.Text;
using NmiGate.Core.Diff;
using NmiGate.Core.Metrics;
using NmiGate.Core.Partitions;
using NmiGate.Core.Scoring;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Diff;

/// <summary>Moved-id samples drawn from the hash join, checked against the rows themselves.</summary>
public sealed class HashedMovedIdsTests : IDisposable
{
    private readonly TempWorkspace temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_sample_is_reproducible_of_the_requested_size_in_file_order_and_only_holds_moved_rows()
    {
        var (ids, reference, candidate, hashed, rows) = Join(rows: 3000, clusters: 6, noise: 0.3, seed: 5);
        var diff = ContingencyDiff.Compute(ContingencyTable.FromLabels<string>(reference, candidate));

        var first = HashedMovedIds.Sample(hashed, rows, diff, perCluster: 7, seed: 42);
        var again = HashedMovedIds.Sample(hashed, rows, diff, perCluster: 7, seed: 42);
        var other = HashedMovedIds.Sample(hashed, rows, diff, perCluster: 7, seed: 43);

        Assert.Equal(first.Select(s => s.Ids), again.Select(s => s.Ids));
        Assert.NotEqual(first.SelectMany(s => s.Ids), other.SelectMany(s => s.Ids));
        Assert.Equal(diff.ReferenceClusters.Where(c => c.MovedRows > 0).Select(c => c.Label), first.Select(s => s.Label));
        var rowOf = ids.Select((id, row) => (id, row)).ToDictionary(p => p.id, p => p.row, StringComparer.Ordinal);
        foreach (var sample in first)
        {
            var change = diff.ReferenceClusters.Single(c => c.Label == sample.Label);
            Assert.Equal(change.MovedRows, sample.MovedRows);
            Assert.Equal(Math.Min(7, change.MovedRows), sample.Ids.Count);
            Assert.Equal(sample.Ids.Select(id => rowOf[id]).Order(), sample.Ids.Select(id => rowOf[id])); // file order
            Assert.All(sample.Ids, id =>
            {
                Assert.Equal(sample.Label, reference[rowOf[id]]);
                Assert.NotEqual(change.Match?.CandidateLabel, candidate[rowOf[id]]);
            });
        }
    }

    [Fact]
    public void Every_moved_row_is_equally_likely_to_be_sampled()
    {
        // The cluster with most moved rows (about 25), 4 sampled a time over 2,000 seeds: each row about 320 times.
        var (ids, _, _, hashed, rows) = Join(rows: 400, clusters: 2, noise: 0.25, seed: 9);
        var diff = ContingencyDiff.Compute(ContingencyTable.FromLabels<string>(hashed.SortedHashes.Select((_, i) => hashed.Labels[hashed.Codes[i]]).ToArray(), rows.SortedKeys.Select(k => k.ToString(CultureInfo.InvariantCulture)).ToArray()));
        var cluster = diff.ReferenceClusters.MaxBy(c => c.MovedRows)!;
        var hits = new Dictionary<string, int>(StringComparer.Ordinal);
        const int Seeds = 2000;
        for (var seed = 0UL; seed < Seeds; seed++)
        {
            foreach (var id in HashedMovedIds.Sample(hashed, rows, diff, perCluster: 4, seed).Single(s => s.Label == cluster.Label).Ids)
            {
                hits[id] = hits.GetValueOrDefault(id) + 1;
            }
        }

        Assert.Equal(cluster.MovedRows, hits.Count);
        var expected = Seeds * 4.0 / cluster.MovedRows;
        Assert.All(hits.Values, n => Assert.InRange(n, expected - (5 * Math.Sqrt(expected)), expected + (5 * Math.Sqrt(expected))));
        Assert.All(hits.Keys, id => Assert.Contains(id, ids));
    }

    [Fact]
    public void A_diff_of_other_rows_is_refused()
    {
        var (_, _, _, hashed, rows) = Join(rows: 200, clusters: 3, noise: 0.3, seed: 2);
        var otherDiff = ContingencyDiff.Compute(ContingencyTable.FromCounts([("zz", "1", 5L)]));
        var error = Assert.Throws<ArgumentException>(() => HashedMovedIds.Sample(hashed, rows, otherDiff, perCluster: 3, seed: 1));
        Assert.Contains("not computed from these rows", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Random labelled rows written to a data file, and both sides of their hash join as a check builds them.</summary>
    private (string[] Ids, string[] Reference, string[] Candidate, HashedLabels Hashed, ScoredRows Rows) Join(int rows, int clusters, double noise, int seed)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, rows).Select(i => string.Create(CultureInfo.InvariantCulture, $"id-{i:D5}")).ToArray();
        var reference = ids.Select(_ => random.Next(clusters).ToString(CultureInfo.InvariantCulture)).ToArray();
        var candidate = reference.Select(r => (random.NextDouble() < noise ? random.Next(clusters) + 1 : int.Parse(r, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture)).ToArray();
        var file = new StringBuilder("id,x\n");
        foreach (var id in ids)
        {
            file.Append(id).Append(",1\n");
        }

        var path = temp.WriteText("data.csv", file.ToString());
        var order = Enumerable.Range(0, rows).OrderBy(i => IdHash.Of(ids[i])).ToArray();
        var labels = reference.Distinct().Order(StringComparer.Ordinal).ToArray();
        var hashed = new HashedLabels(
            [.. order.Select(i => IdHash.Of(ids[i]))],
            [.. order.Select(i => (ushort)Array.IndexOf(labels, reference[i]))],
            labels);
        var scored = new ScoredRows(path, ',', 0, [.. hashed.SortedHashes], [.. order.Select(i => uint.Parse(candidate[i], CultureInfo.InvariantCulture))], HashCollision: false, OrderDigest: 0);
        return (ids, reference, candidate, hashed, scored);
    }
}
