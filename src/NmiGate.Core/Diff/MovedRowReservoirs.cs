using NmiGate.Core.Metrics.Sampling;

namespace NmiGate.Core.Diff;

/// <summary>
/// One reservoir per reference cluster of a diff (Algorithm R), all drawing from one seeded
/// xoshiro256** stream in the order rows are offered: a uniform sample of each cluster's moved
/// rows in one pass, without a row list per cluster. Shared by the text and the hash-join samplers.
/// </summary>
internal sealed class MovedRowReservoirs<T>
{
    private readonly T[][] reservoirs;
    private readonly long[] seen;
    private Xoshiro256StarStar random;

    public MovedRowReservoirs(ClusterDiff diff, int perCluster, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(perCluster);
        var clusters = diff.ReferenceClusters;
        reservoirs = new T[clusters.Count][];
        for (var k = 0; k < clusters.Count; k++)
        {
            reservoirs[k] = new T[(int)Math.Min(perCluster, clusters[k].MovedRows)];
        }

        seen = new long[clusters.Count];
        random = Xoshiro256StarStar.FromSeed(seed);
    }

    /// <summary>Moved rows offered for cluster <paramref name="cluster"/> so far.</summary>
    public long Seen(int cluster) => seen[cluster];

    /// <summary>Cluster <paramref name="cluster"/>'s sample, in the order its slots hold them.</summary>
    public T[] Sample(int cluster) => reservoirs[cluster];

    /// <summary>Offers a moved row of reference cluster <paramref name="cluster"/>.</summary>
    public void Offer(int cluster, T row)
    {
        var reservoir = reservoirs[cluster];
        var index = seen[cluster]++;
        if (index < reservoir.Length)
        {
            reservoir[index] = row;
        }
        else if (reservoir.Length > 0)
        {
            // Algorithm R: the (index+1)-th moved row replaces a uniform slot with probability
            // size/(index+1). The multiply-high maps 64 random bits onto [0, index+1) with a bias
            // below (index+1)/2^64, far under anything a sample of ids could show.
            var slot = Math.BigMul(random.NextUInt64(), (ulong)index + 1, out _);
            if (slot < (ulong)reservoir.Length)
            {
                reservoir[slot] = row;
            }
        }
    }
}
