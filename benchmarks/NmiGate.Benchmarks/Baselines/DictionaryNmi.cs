using System.Runtime.InteropServices;

namespace NmiGate.Benchmarks.Baselines;

/// <summary>
/// The straightforward implementation: count (reference, candidate) pairs in a
/// <c>Dictionary&lt;(int, int), long&gt;</c>, then compute NMI (arithmetic mean, natural log) from it.
/// One hash lookup per row (<c>CollectionsMarshal.GetValueRefOrAddDefault</c>), so it is
/// the careful version of "straightforward", not a straw man.
/// </summary>
internal static class DictionaryNmi
{
    public static double Compute(ReadOnlySpan<int> reference, ReadOnlySpan<int> candidate)
    {
        var cells = new Dictionary<(int, int), long>();
        for (var i = 0; i < reference.Length; i++)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(cells, (reference[i], candidate[i]), out _)++;
        }

        var referenceSizes = new Dictionary<int, long>();
        var candidateSizes = new Dictionary<int, long>();
        foreach (var ((r, c), count) in cells)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(referenceSizes, r, out _) += count;
            CollectionsMarshal.GetValueRefOrAddDefault(candidateSizes, c, out _) += count;
        }

        double n = reference.Length;
        var referenceEntropy = Entropy(referenceSizes.Values, n);
        var candidateEntropy = Entropy(candidateSizes.Values, n);
        double mi = 0;
        foreach (var ((r, c), count) in cells)
        {
            mi += count / n * Math.Log(count * n / ((double)referenceSizes[r] * candidateSizes[c]));
        }

        return mi / ((referenceEntropy + candidateEntropy) / 2);
    }

    private static double Entropy(IEnumerable<long> sizes, double n)
    {
        double h = 0;
        foreach (var size in sizes)
        {
            h -= size / n * Math.Log(size / n);
        }

        return h;
    }
}
