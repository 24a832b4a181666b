namespace NmiGate.Benchmarks;

/// <summary>
/// Seeded synthetic labelings shared by every benchmark: a reference partition of N rows into K
/// clusters, and a candidate that agrees with it except on a noisy share of rows, which get a
/// uniformly random candidate cluster.
/// </summary>
internal static class LabelData
{
    /// <summary>Share of rows whose candidate label is drawn uniformly at random.</summary>
    public const double NoiseRate = 0.3;

    public const int DefaultSeed = 20261123;

    /// <summary>Reference labels 0..K-1 with the given size profile, in shuffled row order, and their noisy candidate.</summary>
    public static (int[] Reference, int[] Candidate) Generate(int rows, int clusters, ClusterSizes sizes, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clusters, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, clusters);
        var random = new Random(seed);
        var reference = new int[rows];
        var next = 0;
        var clusterSizes = Sizes(rows, clusters, sizes);
        for (var cluster = 0; cluster < clusters; cluster++)
        {
            reference.AsSpan(next, clusterSizes[cluster]).Fill(cluster);
            next += clusterSizes[cluster];
        }

        // Shuffled, as a model's output arrives: sorted labels would let the counting loop hit the
        // same cell row after row, which flatters neither side fairly.
        random.Shuffle(reference);
        var candidate = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            candidate[i] = random.NextDouble() < NoiseRate ? random.Next(clusters) : reference[i];
        }

        return (reference, candidate);
    }

    /// <summary>Cluster sizes summing to <paramref name="rows"/>.</summary>
    public static int[] Sizes(int rows, int clusters, ClusterSizes sizes)
    {
        var result = new int[clusters];
        if (sizes == ClusterSizes.Balanced)
        {
            // N/K each; any remainder goes one row apiece to the first clusters.
            for (var i = 0; i < clusters; i++)
            {
                result[i] = (rows / clusters) + (i < rows % clusters ? 1 : 0);
            }

            return result;
        }

        // base, base+1, ..., base+K-1, with the remainder on the largest: all sizes differ.
        var triangle = (long)clusters * (clusters - 1) / 2;
        var first = (int)((rows - triangle) / clusters);
        if (first < 1)
        {
            throw new ArgumentException($"{rows} rows cannot hold {clusters} clusters of distinct sizes.", nameof(rows));
        }

        long total = 0;
        for (var i = 0; i < clusters; i++)
        {
            result[i] = first + i;
            total += result[i];
        }

        result[^1] += (int)(rows - total);
        return result;
    }
}
