namespace NmiGate.Core.Diff;

/// <summary>
/// Maximum-weight one-to-one matching of the rows and columns of a dense non-negative weight
/// matrix: the Hungarian algorithm in its O(n²m) shortest-augmenting-path form with dual
/// potentials (Jonker–Volgenant style: Dijkstra on reduced costs, one row inserted at a time).
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
    /// Returns each row's column.
    /// </summary>
    /// <remarks>
    /// Rows are inserted one at a time. For each, a Dijkstra search over reduced costs
    /// (cost − v[column]; a matched row's own potential is implied by its tight edge, so only
    /// column potentials are stored) grows shortest paths through matched columns until it reaches
    /// a free column; the potentials of the scanned columns are then raised so every reduced cost
    /// stays non-negative and the new matching stays tight (LAPJV's augmentation step). Relaxation
    /// and the search for the next column share one pass over the columns.
    /// </remarks>
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

        var v = new long[m];
        var columnRow = new int[m];
        Array.Fill(columnRow, -1);
        var rowColumn = new int[n];
        var distance = new long[m];
        var predecessor = new int[m];
        var scanned = new bool[m];
        var scannedList = new int[m];
        for (var row = 0; row < n; row++)
        {
            // Distances from the new row: its reduced costs, up to its (free) potential.
            var rowWeights = rows.Slice(row * m, m);
            var next = -1;
            var nearest = long.MaxValue;
            for (var j = 0; j < m; j++)
            {
                // Cost = −weight: minimising cost maximises the rows kept together.
                var d = -rowWeights[j] - v[j];
                distance[j] = d;
                predecessor[j] = row;

                // Strict <: the lowest column index wins ties, which makes the result deterministic.
                if (d < nearest)
                {
                    nearest = d;
                    next = j;
                }
            }

            Array.Clear(scanned);
            var scannedCount = 0;
            while (columnRow[next] >= 0)
            {
                // The nearest column is taken: continue the paths through the row that holds it.
                scanned[next] = true;
                scannedList[scannedCount++] = next;
                var holder = columnRow[next];
                var holderWeights = rows.Slice(holder * m, m);

                // The holder's edge to its column is tight, so its implied potential is
                // cost − v there; offset = distance to the holder minus that potential.
                var offset = nearest - (-holderWeights[next] - v[next]);
                next = -1;
                nearest = long.MaxValue;
                for (var j = 0; j < m; j++)
                {
                    if (scanned[j])
                    {
                        continue;
                    }

                    var d = offset - holderWeights[j] - v[j];
                    if (d < distance[j])
                    {
                        distance[j] = d;
                        predecessor[j] = holder;
                    }

                    if (distance[j] < nearest)
                    {
                        nearest = distance[j];
                        next = j;
                    }
                }
            }

            // Raise the scanned columns' potentials by how much closer than the free column they
            // were: reduced costs stay non-negative and every edge on the new matching is tight.
            for (var k = 0; k < scannedCount; k++)
            {
                var column = scannedList[k];
                v[column] += distance[column] - nearest;
            }

            // Augment: flip the path from the free column back to the new row.
            var free = next;
            while (true)
            {
                var holder = predecessor[free];
                columnRow[free] = holder;
                var previous = rowColumn[holder];
                rowColumn[holder] = free;
                if (holder == row)
                {
                    break;
                }

                free = previous;
            }
        }

        return rowColumn;
    }
}
