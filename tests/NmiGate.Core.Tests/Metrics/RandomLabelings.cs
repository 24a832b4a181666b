namespace NmiGate.Core.Tests.Metrics;

/// <summary>Seeded random pairs of labelings for property tests.</summary>
internal static class RandomLabelings
{
    /// <summary>A reference with <paramref name="k"/> clusters and a candidate that agrees except for a <paramref name="noise"/> share.</summary>
    public static (int[] Reference, int[] Candidate) Pair(int seed, int n, int k, double noise, int candidateK = 0)
    {
        var random = new Random(seed);
        candidateK = candidateK == 0 ? k : candidateK;
        var reference = new int[n];
        var candidate = new int[n];
        for (var i = 0; i < n; i++)
        {
            reference[i] = random.Next(k);
            candidate[i] = random.NextDouble() < noise ? random.Next(candidateK) : reference[i] % candidateK;
        }

        return (reference, candidate);
    }

    /// <summary>Cases of every shape: tiny, single cluster, all singletons, many clusters, unequal K.</summary>
    public static TheoryData<int, int, int, double, int> Cases() => new()
    {
        { 1, 2, 2, 0.5, 0 },
        { 2, 10, 3, 0.3, 0 },
        { 3, 50, 1, 0.0, 4 },
        { 4, 50, 4, 0.0, 1 },
        { 5, 200, 5, 0.2, 0 },
        { 6, 200, 5, 1.0, 0 },
        { 7, 500, 40, 0.3, 7 },
        { 8, 1000, 300, 0.5, 0 },
        { 9, 3000, 10, 0.05, 0 },
        { 10, 40, 40, 0.0, 0 },
    };
}
