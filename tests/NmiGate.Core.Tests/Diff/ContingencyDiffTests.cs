using NmiGate.Core.Diff;
using NmiGate.Core.Metrics;
using NmiGate.Core.Tests.Metrics;

namespace NmiGate.Core.Tests.Diff;

public sealed class ContingencyDiffTests
{
    [Fact]
    public void Identical_partitions_with_renamed_labels_are_stable_everywhere_with_nothing_moved()
    {
        var table = Table(("a", "z", 50), ("b", "x", 30), ("c", "y", 20));

        var diff = ContingencyDiff.Compute(table);

        Assert.Equal(100, diff.RowCount);
        Assert.Equal(100, diff.KeptRows);
        Assert.Equal(0, diff.MovedRows);
        Assert.Equal([("a", "z"), ("b", "x"), ("c", "y")], diff.Matches.Select(m => (m.ReferenceLabel, m.CandidateLabel)));
        Assert.All(diff.ReferenceClusters, change =>
        {
            Assert.Equal(ChangeKind.Stable, change.Kind);
            Assert.Equal(1.0, change.KeptShare);
            Assert.Empty(change.Destinations);
        });
        Assert.Empty(diff.NewClusters);
        AssertInvariants(table, diff);
    }

    [Fact]
    public void A_cluster_split_in_two_is_flagged_split_with_both_parts_and_its_destination()
    {
        var table = Table(("A", "x", 60), ("A", "y", 40), ("B", "z", 100));

        var diff = ContingencyDiff.Compute(table);

        var a = Change(diff, "A");
        Assert.Equal(ChangeKind.Split, a.Kind);
        Assert.Equal("x", a.Match?.CandidateLabel);
        Assert.Equal(60, a.KeptRows);
        Assert.Equal(40, a.MovedRows);
        Assert.Equal([("x", 60L, 0.6), ("y", 40L, 0.4)], a.SplitInto.Select(f => (f.Label, f.Rows, f.Share)));
        Assert.Equal([("y", 40L)], a.Destinations.Select(f => (f.Label, f.Rows)));
        Assert.Equal(ChangeKind.Stable, Change(diff, "B").Kind);
        Assert.Equal("A", diff.ReferenceClusters[0].Label); // the biggest movement first
        AssertInvariants(table, diff);
    }

    [Fact]
    public void A_cluster_whose_second_part_is_under_the_split_share_has_shrunk()
    {
        var table = Table(("A", "x", 85), ("A", "y", 15), ("B", "y", 100));

        var a = Change(ContingencyDiff.Compute(table), "A");

        Assert.Equal(ChangeKind.Shrunk, a.Kind);
        Assert.Equal(0.85, a.KeptShare);
        Assert.Empty(a.SplitInto);
        Assert.Null(a.MergedInto);
    }

    [Fact]
    public void A_weak_match_beside_a_large_destination_that_holds_no_other_cluster_is_shrunk()
    {
        // B (1000 rows) is spread thin: 150 in y, the rest over nine clusters. Matching y to B keeps
        // more rows overall than giving y to A, so A keeps only x (15%) while y holds 60% of A but
        // only 15% of B: not a merge, and A has one large part only: not a split.
        var cells = new List<(string, string, long)> { ("A", "x", 15), ("A", "y", 60), ("B", "y", 150) };
        for (var i = 1; i <= 9; i++)
        {
            cells.Add(("B", $"b{i}", i == 9 ? 98 : 94));
        }

        for (var i = 1; i <= 5; i++)
        {
            cells.Add(("A", $"b{i}", 5));
        }

        var table = Table([.. cells]);

        var diff = ContingencyDiff.Compute(table);

        var a = Change(diff, "A");
        Assert.Equal("x", a.Match?.CandidateLabel);
        Assert.Equal("y", Change(diff, "B").Match?.CandidateLabel);
        Assert.Equal(ChangeKind.Shrunk, a.Kind);
        Assert.Equal(("y", 0.6), (a.Destinations[0].Label, a.Destinations[0].Share));
        AssertInvariants(table, diff);
    }

    [Fact]
    public void Two_clusters_merged_into_one_are_both_flagged_merged_into_naming_each_other()
    {
        var table = Table(("A", "x", 100), ("B", "x", 80), ("C", "y", 50));

        var diff = ContingencyDiff.Compute(table);

        var a = Change(diff, "A");
        var b = Change(diff, "B");
        Assert.Equal(ChangeKind.MergedInto, a.Kind);
        Assert.Equal(ChangeKind.MergedInto, b.Kind);
        Assert.Equal("x", a.MergedInto?.Label);
        Assert.Equal("x", b.MergedInto?.Label);
        Assert.Equal([("B", 80L, 1.0)], a.MergedWith.Select(f => (f.Label, f.Rows, f.Share)));
        Assert.Equal([("A", 100L, 1.0)], b.MergedWith.Select(f => (f.Label, f.Rows, f.Share)));
        Assert.Equal("x", a.Match?.CandidateLabel); // the larger of the two keeps the match
        Assert.Null(b.Match);
        Assert.Equal(80, b.MovedRows);
        Assert.Equal(80, diff.MovedRows);
        Assert.Equal(ChangeKind.Stable, Change(diff, "C").Kind);
        AssertInvariants(table, diff);
    }

    [Fact]
    public void A_cluster_that_keeps_all_its_rows_is_merged_into_when_its_match_also_takes_a_large_part_of_another()
    {
        var table = Table(("A", "x", 100), ("B", "y", 70), ("B", "x", 30));

        var diff = ContingencyDiff.Compute(table);

        var a = Change(diff, "A");
        Assert.Equal(1.0, a.KeptShare);
        Assert.Equal(ChangeKind.MergedInto, a.Kind);
        Assert.Equal([("B", 30L, 0.3)], a.MergedWith.Select(f => (f.Label, f.Rows, f.Share)));
        Assert.Equal(ChangeKind.Split, Change(diff, "B").Kind); // split takes precedence over merged-into
        AssertInvariants(table, diff);
    }

    [Fact]
    public void A_candidate_cluster_with_no_reference_counterpart_is_listed_as_new_with_its_sources()
    {
        var table = Table(("A", "x", 90), ("A", "w", 10), ("B", "y", 95), ("B", "w", 5));

        var diff = ContingencyDiff.Compute(table);

        var created = Assert.Single(diff.NewClusters);
        Assert.Equal("w", created.Label);
        Assert.Equal(15, created.Size);
        Assert.Equal([("A", 10L), ("B", 5L)], created.Sources.Select(f => (f.Label, f.Rows)));
        Assert.Equal(10.0 / 15, created.Sources[0].Share);
        Assert.Equal(ChangeKind.Stable, Change(diff, "A").Kind); // exactly at the 0.9 threshold
        Assert.Equal(ChangeKind.Stable, Change(diff, "B").Kind);
        AssertInvariants(table, diff);
    }

    [Fact]
    public void A_cluster_with_no_match_whose_rows_scatter_has_vanished()
    {
        // Six clusters survive; C's six rows land one in each, 1/6 apiece: too little to be split or merged.
        var cells = new List<(string, string, long)>();
        for (var i = 1; i <= 6; i++)
        {
            cells.Add(($"A{i}", $"x{i}", 100));
            cells.Add(("C", $"x{i}", 1));
        }

        var table = Table([.. cells]);

        var diff = ContingencyDiff.Compute(table);

        var c = Change(diff, "C");
        Assert.Equal(ChangeKind.Vanished, c.Kind);
        Assert.Null(c.Match);
        Assert.Equal(0, c.KeptRows);
        Assert.Equal(6, c.MovedRows);
        Assert.Equal(5, c.Destinations.Count); // the default limit
        Assert.Equal(1, c.OtherDestinationCount);
        Assert.Equal(1, c.OtherDestinationRows);
        Assert.Equal(["x1", "x2", "x3", "x4", "x5"], c.Destinations.Select(f => f.Label));
        Assert.All(diff.ReferenceClusters.Where(r => r.Label != "C"), r => Assert.Equal(ChangeKind.Stable, r.Kind));
        AssertInvariants(table, diff);
    }

    [Fact]
    public void A_cluster_whose_only_possible_match_shares_no_rows_is_unmatched()
    {
        // A and B both went to x; C to y and z. Three a side, but B's best remaining pair shares nothing.
        var table = Table(("A", "x", 10), ("B", "x", 9), ("C", "y", 10), ("C", "z", 10));

        var diff = ContingencyDiff.Compute(table);

        Assert.Null(Change(diff, "B").Match);
        Assert.Equal(ChangeKind.MergedInto, Change(diff, "B").Kind);
        Assert.Equal(ChangeKind.Split, Change(diff, "C").Kind);
        // y and z tie for C; whichever C keeps, the other is new.
        var created = Assert.Single(diff.NewClusters).Label;
        Assert.Contains(created, new[] { "y", "z" });
        Assert.NotEqual(created, Change(diff, "C").Match?.CandidateLabel);
        Assert.Equal(2, diff.Matches.Count);
        AssertInvariants(table, diff);
    }

    [Fact]
    public void Options_change_the_thresholds_and_the_destination_limit()
    {
        var table = Table(("A", "x", 85), ("A", "y", 10), ("A", "z", 5), ("B", "y", 100), ("C", "z", 100));
        var options = new DiffOptions { StableShare = 0.8, MaxDestinations = 1 };

        var a = Change(ContingencyDiff.Compute(table, options), "A");

        Assert.Equal(ChangeKind.Stable, a.Kind);
        Assert.Equal([("y", 10L)], a.Destinations.Select(f => (f.Label, f.Rows)));
        Assert.Equal(5, a.OtherDestinationRows);
        Assert.Equal(1, a.OtherDestinationCount);
        Assert.Equal(ChangeKind.Shrunk, Change(ContingencyDiff.Compute(table), "A").Kind);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Out_of_range_shares_are_rejected(double share)
    {
        var table = Table(("A", "x", 1));

        Assert.Throws<ArgumentOutOfRangeException>(() => ContingencyDiff.Compute(table, new DiffOptions { SplitShare = share }));
    }

    [Fact]
    public void An_empty_table_gives_an_empty_diff()
    {
        var diff = ContingencyDiff.Compute(ContingencyTable.FromLabels(ReadOnlySpan<int>.Empty, ReadOnlySpan<int>.Empty));

        Assert.Equal(0, diff.RowCount);
        Assert.Empty(diff.ReferenceClusters);
        Assert.Empty(diff.NewClusters);
    }

    [Theory]
    [MemberData(nameof(RandomLabelings.Cases), MemberType = typeof(RandomLabelings))]
    public void Totals_add_up_on_random_tables(int seed, int n, int k, double noise, int candidateK)
    {
        var (reference, candidate) = RandomLabelings.Pair(seed, n, k, noise, candidateK);
        var table = ContingencyTable.FromLabels(reference, candidate);

        var diff = ContingencyDiff.Compute(table, new DiffOptions { MaxDestinations = 2 });

        AssertInvariants(table, diff);
    }

    [Fact]
    public void Kept_rows_are_the_best_total_any_one_to_one_matching_can_reach_on_small_random_tables()
    {
        for (var seed = 100; seed < 130; seed++)
        {
            var (reference, candidate) = RandomLabelings.Pair(seed, 60, 4 + (seed % 3), 0.6, 3 + (seed % 4));
            var table = ContingencyTable.FromLabels(reference, candidate);

            var diff = ContingencyDiff.Compute(table);

            Assert.Equal(BestMatchingWeight(table), diff.KeptRows);
        }
    }

    [Fact]
    public void A_table_of_a_thousand_clusters_and_a_million_rows_is_matched_through_renamed_labels()
    {
        const int K = 1000;
        var (reference, candidate) = RandomLabelings.Pair(seed: 2026, n: 1_000_000, k: K, noise: 0.3);

        // Rename the candidate's clusters: the matching, not the labels, must find the pairs.
        for (var i = 0; i < candidate.Length; i++)
        {
            candidate[i] = ((candidate[i] * 7) + 3) % K;
        }

        var table = ContingencyTable.FromLabels(reference, candidate);

        var diff = ContingencyDiff.Compute(table);

        Assert.Equal(K, diff.Matches.Count);
        Assert.All(diff.Matches, m => Assert.Equal(((int.Parse(m.ReferenceLabel, System.Globalization.CultureInfo.InvariantCulture) * 7) + 3) % K, int.Parse(m.CandidateLabel, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Empty(diff.NewClusters);

        // 30% noise spread over all clusters keeps about 70% together: shrunk, never split or merged.
        Assert.All(diff.ReferenceClusters, change => Assert.Equal(ChangeKind.Shrunk, change.Kind));
        AssertInvariants(table, diff);
    }

    private static ContingencyTable Table(params (string Reference, string Candidate, long Count)[] cells) => ContingencyTable.FromCounts(cells);

    private static ReferenceClusterChange Change(ClusterDiff diff, string label) => diff.ReferenceClusters.Single(change => change.Label == label);

    /// <summary>The invariants every diff keeps, checked against the table it came from.</summary>
    internal static void AssertInvariants(ContingencyTable table, ClusterDiff diff)
    {
        Assert.Equal(table.RowCount, diff.RowCount);
        Assert.Equal(diff.RowCount, diff.KeptRows + diff.MovedRows);
        Assert.Equal(diff.KeptRows, diff.Matches.Sum(m => m.SharedRows));
        Assert.Equal(diff.KeptRows, diff.ReferenceClusters.Sum(c => c.KeptRows));
        Assert.Equal(diff.MovedRows, diff.ReferenceClusters.Sum(c => c.MovedRows));

        // Every reference cluster once, biggest movement first, ties in label order.
        Assert.Equal(Enumerable.Range(0, table.ReferenceClusterCount), diff.ReferenceClusters.Select(c => c.Reference).Order());
        for (var i = 1; i < diff.ReferenceClusters.Count; i++)
        {
            var (previous, current) = (diff.ReferenceClusters[i - 1], diff.ReferenceClusters[i]);
            Assert.True(previous.MovedRows > current.MovedRows || (previous.MovedRows == current.MovedRows && previous.Reference < current.Reference));
        }

        Assert.Equal(table.RowCount, diff.ReferenceClusters.Sum(c => c.Size));
        foreach (var change in diff.ReferenceClusters)
        {
            Assert.Equal(table.ReferenceSizes[change.Reference], change.Size);
            Assert.Equal(change.Size, change.KeptRows + change.MovedRows);
            Assert.Equal(change.MovedRows, change.Destinations.Sum(d => d.Rows) + change.OtherDestinationRows);
            Assert.InRange(change.Destinations.Count, 0, diff.Options.MaxDestinations);
            Assert.True(change.Destinations.Zip(change.Destinations.Skip(1)).All(p => p.First.Rows >= p.Second.Rows));
            Assert.All(change.Destinations, d => Assert.NotEqual(change.Match?.Candidate, d.Cluster));
            Assert.Equal(change.Match is null, change.KeptRows == 0);
            if (change.Kind == ChangeKind.Stable)
            {
                Assert.True(change.KeptShare >= diff.Options.StableShare);
            }

            Assert.Equal(change.Kind == ChangeKind.Split, change.SplitInto.Count >= 2);
            Assert.Equal(change.Kind == ChangeKind.MergedInto, change.MergedInto is not null && change.MergedWith.Count > 0);
            Assert.Equal(change.Kind == ChangeKind.Vanished, change.Match is null && change.Kind is not ChangeKind.Split and not ChangeKind.MergedInto);
        }

        // New clusters: exactly the unmatched candidate clusters, their sources adding up to their size.
        var matched = diff.Matches.Select(m => m.Candidate).ToHashSet();
        Assert.Equal(matched.Count, diff.Matches.Count);
        Assert.Equal(
            Enumerable.Range(0, table.CandidateClusterCount).Where(c => !matched.Contains(c)),
            diff.NewClusters.Select(c => c.Candidate).Order());
        foreach (var created in diff.NewClusters)
        {
            Assert.Equal(table.CandidateSizes[created.Candidate], created.Size);
            Assert.Equal(created.Size, created.Sources.Sum(s => s.Rows) + created.OtherSourceRows);
        }

        Assert.True(diff.NewClusters.Zip(diff.NewClusters.Skip(1)).All(p => p.First.Size >= p.Second.Size));
    }

    private static long BestMatchingWeight(ContingencyTable table)
    {
        var weights = new long[table.ReferenceClusterCount, table.CandidateClusterCount];
        foreach (var cell in table.Cells)
        {
            weights[cell.Reference, cell.Candidate] = cell.Count;
        }

        var used = new bool[table.CandidateClusterCount];
        return Best(0);

        long Best(int row)
        {
            if (row == table.ReferenceClusterCount)
            {
                return 0;
            }

            var best = Best(row + 1);
            for (var column = 0; column < used.Length; column++)
            {
                if (!used[column])
                {
                    used[column] = true;
                    best = Math.Max(best, weights[row, column] + Best(row + 1));
                    used[column] = false;
                }
            }

            return best;
        }
    }
}
