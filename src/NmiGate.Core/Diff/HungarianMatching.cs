namespace NmiGate.Core.Diff;

/// <summary>
/// Maximum-weight one-to-one matching of the rows and columns of a dense non-negative weight
/// matrix: the Hungarian algorithm in its O(n²m) shortest-augmenting-path form with row and column
/// potentials (Jonker–Volgenant style, as in Kuhn–Munkres with Dijkstra on reduced costs).
/// </summary>
/// <remarks>
/// Weights are <c>long</c>, so the optimum is exact (no floating-point ties or drift). Rectangular
/// matrices are fine: the smaller side is matched completely, then pairs of weight zero are
/// dropped, since weights are non-negative a zero pair adds nothing and shares no rows. Ties are
/// broken deterministically: rows are inserted in index order and, among columns of equal reduced
/// cost, the lowest index is taken first, so the same matrix always gives the same matching.
/// </remarks>
internal static class HungarianMatching
{
    /// <summary>
    /// Matches rows to columns of the row-major <paramref name="weights"/> (<paramref name="rows"/> ×
    /// <paramref name="columns"/>) to maximise the total weight.
    /// </summary>
    /// <returns>For each row, its column, or -1 when unmatched (or matched with weight zero).</returns>
    public static int[] Solve(ReadOnlySpan<long> weights, int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if ((long)rows * columns != weights.Length)
        {
            throw new ArgumentException($"Expected {(long)rows * columns} weights for a {rows} × {columns} matrix, got {weights.Length}.", nameof(weights));
        }

        var result = new int[rows];
        Array.Fill(result, -1);
        if (rows == 0 || columns == 0)
        {
            return result;
        }

        if (rows <= columns)
        {
            var assignment = SolveTall(weights, rows, columns, transposed: false);
            for (var i = 0; i < rows; i++)
            {
                result[i] = assignment[i];
            }
        }
        else
        {
            // The algorithm needs at most as many rows as columns: match the transpose.
            var assignment = SolveTall(weights, columns, rows, transposed: true);
            for (var j = 0; j < columns; j++)
            {
                result[assignment[j]] = j;
            }
        }

        for (var i = 0; i < rows; i++)
        {
            if (result[i] >= 0 && weights[(i * columns) + result[i]] == 0)
            {
                result[i] = -1;
            }
        }

        return result;
    }

    /// <summary>
    /// Minimum-cost assignment, cost = −weight, of every one of <paramref name="n"/> rows to distinct
    /// columns among <paramref name="m"/> ≥ n (of the transpose when <paramref name="transposed"/>).
    /// Returns each row's column. Potentials and the path bookkeeping are 1-based, as in the
    /// textbook formulation; index 0 is the virtual start column.
    /// </summary>
    private static int[] SolveTall(ReadOnlySpan<long> weights, int n, int m, bool transposed)
    {
        // The search reads one row of weights at a time, so rows must be contiguous: a transposed
        // matrix is copied once; otherwise the caller's weights are read in place (no 8 MB copy at K = 1000).
        ReadOnlySpan<long> rows = weights;
        if (transposed)
        {
            var copy = new long[n * m];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < m; j++)
                {
                    copy[(i * m) + j] = weights[(j * n) + i];
                }
            }

            rows = copy;
        }

        const long Infinity = long.MaxValue / 4;

        // u, v: row and column potentials, kept so every reduced cost cost − u − v is ≥ 0 and tight
        // on matched pairs. columnRow[j]: the row matched to column j (0 = none; column 0 is the
        // virtual start). way[j]: the previous column on the shortest path, to augment along it.
        var u = new long[n + 1];
        var v = new long[m + 1];
        var columnRow = new int[m + 1];
        var way = new int[m + 1];
        var minReduced = new long[m + 1];
        var used = new bool[m + 1];
        for (var i = 1; i <= n; i++)
        {
            // Dijkstra from the new row over reduced costs until a free column is reached.
            columnRow[0] = i;
            var j0 = 0;
            Array.Fill(minReduced, Infinity);
            Array.Clear(used);
            do
            {
                used[j0] = true;
                var i0 = columnRow[j0];
                var delta = Infinity;
                var j1 = 0;
                var rowWeights = rows.Slice((i0 - 1) * m, m);
                var ui0 = u[i0];
                for (var j = 1; j <= m; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    // Cost = −weight: minimising cost maximises the rows kept together.
                    var reduced = -rowWeights[j - 1] - ui0 - v[j];
                    if (reduced < minReduced[j])
                    {
                        minReduced[j] = reduced;
                        way[j] = j0;
                    }

                    // Strict <: the lowest column index wins ties, which makes the result deterministic.
                    if (minReduced[j] < delta)
                    {
                        delta = minReduced[j];
                        j1 = j;
                    }
                }

                for (var j = 0; j <= m; j++)
                {
                    if (used[j])
                    {
                        u[columnRow[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minReduced[j] -= delta;
                    }
                }

                j0 = j1;
            }
            while (columnRow[j0] != 0);

            // Augment: shift the matching along the path back to the virtual column.
            do
            {
                var j1 = way[j0];
                columnRow[j0] = columnRow[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        var assignment = new int[n];
        for (var j = 1; j <= m; j++)
        {
            if (columnRow[j] != 0)
            {
                assignment[columnRow[j] - 1] = j - 1;
            }
        }

        return assignment;
    }
}
