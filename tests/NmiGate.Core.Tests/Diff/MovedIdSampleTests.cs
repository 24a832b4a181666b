using System.Text;
using NmiGate.Core.Diff;
using NmiGate.Core.Partitions;
using NmiGate.Core.Tests.Metrics;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Diff;

public sealed class MovedIdSampleTests : IDisposable
{
    private readonly TempWorkspace temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_sample_is_reproducible_for_a_seed_of_the_requested_size_and_only_holds_moved_rows()
    {
        var aligned = RandomAligned(seed: 5, rows: 3000, clusters: 6, noise: 0.3);
        var diff = ContingencyDiff.Compute(aligned.ToContingencyTable());

        var first = ContingencyDiff.SampleMovedIds(aligned, diff, perCluster: 7, seed: 42);
        var again = ContingencyDiff.SampleMovedIds(aligned, diff, perCluster: 7, seed: 42);
        var other = ContingencyDiff.SampleMovedIds(aligned, diff, perCluster: 7, seed: 43);

        Assert.Equal(first.Select(s => s.Ids), again.Select(s => s.Ids));
        Assert.NotEqual(first.SelectMany(s => s.Ids), other.SelectMany(s => s.Ids));
        Assert.Equal(diff.ReferenceClusters.Where(c => c.MovedRows > 0).Select(c => c.Label), first.Select(s => s.Label));
        var rowOf = aligned.Ids.Select((id, row) => (id, row)).ToDictionary(p => p.id, p => p.row, StringComparer.Ordinal);
        foreach (var sample in first)
        {
            var change = diff.ReferenceClusters.Single(c => c.Label == sample.Label);
            Assert.Equal(change.MovedRows, sample.MovedRows);
            Assert.Equal(Math.Min(7, change.MovedRows), sample.Ids.Count);
            Assert.Equal(sample.Ids.Count, sample.Ids.Distinct().Count());
            Assert.Equal(sample.Ids.Select(id => rowOf[id]).Order(), sample.Ids.Select(id => rowOf[id])); // row order
            Assert.All(sample.Ids, id =>
            {
                var row = rowOf[id];
                Assert.Equal(sample.Label, aligned.ReferenceLabels[row]);
                Assert.NotEqual(change.Match?.CandidateLabel, aligned.CandidateLabels[row]);
            });
        }
    }

    [Fact]
    public void A_sample_larger_than_the_moved_rows_holds_all_of_them()
    {
        var aligned = Aligned(("r1", "a", "x"), ("r2", "a", "x"), ("r3", "a", "y"), ("r4", "b", "y"), ("r5", "a", "z"), ("r6", "b", "y"));
        var diff = ContingencyDiff.Compute(aligned.ToContingencyTable());

        var sample = Assert.Single(ContingencyDiff.SampleMovedIds(aligned, diff, perCluster: 10, seed: 1));

        Assert.Equal("a", sample.Label);
        Assert.Equal(["r3", "r5"], sample.Ids);
    }

    [Fact]
    public void Every_moved_row_is_equally_likely_to_be_sampled()
    {
        // Cluster a: 4 rows kept in x, 10 moved to y (a's match stays x, b holds y). Sample 3 of the 10.
        var rows = new List<(string, string, string)>();
        for (var i = 0; i < 4; i++)
        {
            rows.Add(($"k{i}", "a", "x"));
        }

        for (var i = 0; i < 10; i++)
        {
            rows.Add(($"m{i}", "a", "w"));
        }

        for (var i = 0; i < 20; i++)
        {
            rows.Add(($"b{i}", "b", "w"));
        }

        var aligned = Aligned([.. rows]);
        var diff = ContingencyDiff.Compute(aligned.ToContingencyTable());
        var hits = new Dictionary<string, int>(StringComparer.Ordinal);
        const int Draws = 3000;
        for (ulong seed = 0; seed < Draws; seed++)
        {
            foreach (var id in ContingencyDiff.SampleMovedIds(aligned, diff, perCluster: 3, seed).Single(s => s.Label == "a").Ids)
            {
                hits[id] = hits.GetValueOrDefault(id) + 1;
            }
        }

        // Each of the 10 moved rows is expected 900 times (sd ≈ 25); 10% either side is 3.6 sd.
        Assert.Equal(10, hits.Count);
        Assert.All(hits, hit => Assert.InRange(hit.Value, 810, 990));
    }

    [Fact]
    public void A_diff_from_other_partitions_is_rejected()
    {
        var aligned = Aligned(("r1", "a", "x"), ("r2", "a", "y"), ("r3", "b", "y"));
        var otherAligned = Aligned(("r1", "a", "x"), ("r2", "a", "x"), ("r3", "b", "y"));
        var diff = ContingencyDiff.Compute(otherAligned.ToContingencyTable());

        var error = Assert.Throws<ArgumentException>(() => ContingencyDiff.SampleMovedIds(aligned, diff, perCluster: 3, seed: 1));

        Assert.Contains("not computed from these partitions", error.Message, StringComparison.Ordinal);
    }

    private AlignedPartitions RandomAligned(int seed, int rows, int clusters, double noise)
    {
        var (reference, candidate) = RandomLabelings.Pair(seed, rows, clusters, noise);
        return Aligned([.. Enumerable.Range(0, rows).Select(i => ($"id{i}", $"r{reference[i]}", $"c{(candidate[i] + 2) % clusters}"))]);
    }

    private AlignedPartitions Aligned(params (string Id, string Reference, string Candidate)[] rows)
    {
        var reference = new StringBuilder("id,cluster\n");
        var candidate = new StringBuilder("id,cluster\n");
        foreach (var (id, r, c) in rows)
        {
            reference.Append(id).Append(',').Append(r).Append('\n');
            candidate.Append(id).Append(',').Append(c).Append('\n');
        }

        var name = Guid.NewGuid().ToString("N");
        return AlignedPartitions.Align(
            PartitionFile.Read(temp.WriteText($"{name}-r.csv", reference.ToString())),
            PartitionFile.Read(temp.WriteText($"{name}-c.csv", candidate.ToString())));
    }
}
