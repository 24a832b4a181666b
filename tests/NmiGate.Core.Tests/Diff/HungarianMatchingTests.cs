using NmiGate.Core.Diff;

namespace NmiGate.Core.Tests.Diff;

public sealed class HungarianMatchingTests
{
    public static TheoryData<int, int, int, int> Shapes() => new()
    {
        // seed, rows, columns, largest weight (small weights make many ties)
        { 1, 1, 1, 5 },
        { 2, 3, 3, 2 },
        { 3, 4, 4, 1 },
        { 4, 5, 5, 3 },
        { 5, 6, 6, 100 },
        { 6, 2, 5, 3 },
        { 7, 5, 2, 3 },
        { 8, 3, 6, 1 },
        { 9, 6, 4, 10 },
        { 10, 7, 7, 2 },
        { 11, 1, 6, 4 },
        { 12, 6, 1, 4 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Finds_the_same_total_weight_as_brute_force_over_all_assignments(int seed, int rows, int columns, int maxWeight)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 40; trial++)
        {
            var weights = new long[rows * columns];
            for (var i = 0; i < weights.Length; i++)
            {
                // About a third zeros, as in a sparse contingency table.
                weights[i] = random.Next(3) == 0 ? 0 : random.Next(maxWeight + 1);
            }

            var assignment = HungarianMatching.Solve(weights, rows, columns);

            Assert.Equal(BruteForce(weights, rows, columns), TotalOfValidMatching(weights, rows, columns, assignment));
        }
    }

    [Theory]
    [InlineData(21, 40, 40, 5)]
    [InlineData(22, 30, 70, 1000)]
    [InlineData(23, 70, 30, 2)]
    [InlineData(24, 120, 120, 1_000_000)]
    public void Finds_the_same_total_weight_as_a_textbook_implementation_on_matrices_too_large_for_brute_force(int seed, int rows, int columns, int maxWeight)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 5; trial++)
        {
            var weights = new long[rows * columns];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = random.Next(3) == 0 ? 0 : random.Next(maxWeight + 1);
            }

            var assignment = HungarianMatching.Solve(weights, rows, columns);

            Assert.Equal(Textbook(weights, rows, columns), TotalOfValidMatching(weights, rows, columns, assignment));
        }
    }

    [Fact]
    public void Drops_pairs_of_weight_zero()
    {
        // Row 1 can only get column 1, with which it shares nothing.
        long[] weights = [5, 0, 3, 0];

        var assignment = HungarianMatching.Solve(weights, 2, 2);

        Assert.Equal([0, -1], assignment);
    }

    [Fact]
    public void Gives_the_same_valid_matching_every_time_when_all_weights_tie()
    {
        var weights = new long[16];
        Array.Fill(weights, 7);

        var first = HungarianMatching.Solve(weights, 4, 4);
        var second = HungarianMatching.Solve(weights, 4, 4);

        Assert.Equal(first, second);
        Assert.Equal(4, first.Distinct().Count());
        Assert.All(first, column => Assert.InRange(column, 0, 3));
    }

    [Fact]
    public void Prefers_the_heavier_total_over_the_greedy_pick()
    {
        // Greedy takes (0,0)=10 then (1,1)=1: 11. The optimum is (0,1)+(1,0) = 9+9 = 18.
        long[] weights = [10, 9, 9, 1];

        Assert.Equal([1, 0], HungarianMatching.Solve(weights, 2, 2));
    }

    [Fact]
    public void Rejects_a_weight_count_that_does_not_fit_the_shape()
    {
        Assert.Throws<ArgumentException>(() => HungarianMatching.Solve(new long[5], 2, 3));
    }

    /// <summary>Checks the matching is one-to-one with positive pairs only, and returns its weight.</summary>
    private static long TotalOfValidMatching(long[] weights, int rows, int columns, int[] assignment)
    {
        Assert.Equal(rows, assignment.Length);
        var used = new HashSet<int>();
        long total = 0;
        for (var i = 0; i < rows; i++)
        {
            if (assignment[i] < 0)
            {
                Assert.Equal(-1, assignment[i]);
                continue;
            }

            Assert.InRange(assignment[i], 0, columns - 1);
            Assert.True(used.Add(assignment[i]), $"column {assignment[i]} is matched twice");
            var weight = weights[(i * columns) + assignment[i]];
            Assert.True(weight > 0, $"row {i} is matched to column {assignment[i]} with weight zero");
            total += weight;
        }

        return total;
    }

    /// <summary>
    /// The maximum total weight by the classic O(n²m) Hungarian algorithm with row and column
    /// potentials (the e-maxx formulation), written independently of the code under test.
    /// </summary>
    private static long Textbook(long[] weights, int rows, int columns)
    {
        var transposed = rows > columns;
        var (n, m) = transposed ? (columns, rows) : (rows, columns);
        long Cost(int i, int j) => -(transposed ? weights[((j - 1) * columns) + i - 1] : weights[((i - 1) * columns) + j - 1]);
        var u = new long[n + 1];
        var v = new long[m + 1];
        var p = new int[m + 1];
        var way = new int[m + 1];
        for (var i = 1; i <= n; i++)
        {
            p[0] = i;
            var j0 = 0;
            var minv = Enumerable.Repeat(long.MaxValue / 4, m + 1).ToArray();
            var used = new bool[m + 1];
            do
            {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                var delta = long.MaxValue / 4;
                for (var j = 1; j <= m; j++)
                {
                    if (!used[j])
                    {
                        var cur = Cost(i0, j) - u[i0] - v[j];
                        if (cur < minv[j])
                        {
                            minv[j] = cur;
                            way[j] = j0;
                        }

                        if (minv[j] < delta)
                        {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }

                for (var j = 0; j <= m; j++)
                {
                    if (used[j])
                    {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minv[j] -= delta;
                    }
                }

                j0 = j1;
            }
            while (p[j0] != 0);

            do
            {
                var j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        long total = 0;
        for (var j = 1; j <= m; j++)
        {
            if (p[j] != 0)
            {
                total -= Cost(p[j], j);
            }
        }

        return total;
    }

    /// <summary>The best total over every partial injective assignment of rows to columns.</summary>
    private static long BruteForce(long[] weights, int rows, int columns)
    {
        var used = new bool[columns];
        return Best(0);

        long Best(int row)
        {
            if (row == rows)
            {
                return 0;
            }

            var best = Best(row + 1); // row left unmatched
            for (var column = 0; column < columns; column++)
            {
                if (!used[column])
                {
                    used[column] = true;
                    best = Math.Max(best, weights[(row * columns) + column] + Best(row + 1));
                    used[column] = false;
                }
            }

            return best;
        }
    }
}
