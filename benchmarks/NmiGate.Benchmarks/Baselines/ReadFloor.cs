using System.Numerics;
using System.Runtime.InteropServices;

namespace NmiGate.Benchmarks.Baselines;

/// <summary>
/// The floor for any NMI computed from the rows: read both label arrays once (a vectorised,
/// single-threaded sum). Counting cannot be cheaper than this.
/// </summary>
internal static class ReadFloor
{
    public static int Sum(ReadOnlySpan<int> reference, ReadOnlySpan<int> candidate) => Sum(reference) + Sum(candidate);

    private static int Sum(ReadOnlySpan<int> values)
    {
        // Wrapping int lanes are fine: the value only has to depend on every element.
        var vectors = MemoryMarshal.Cast<int, Vector<int>>(values);
        var accumulator = Vector<int>.Zero;
        foreach (var vector in vectors)
        {
            accumulator += vector;
        }

        var sum = Vector.Sum(accumulator);
        for (var i = vectors.Length * Vector<int>.Count; i < values.Length; i++)
        {
            sum += values[i];
        }

        return sum;
    }
}
