using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NmiGate.Core.Metrics.Sampling;

/// <summary>
/// Poisson variates by guided table inversion, for a set of means fixed in advance: per mean, its
/// cumulative distribution as 63-bit thresholds and a guide table (Chen and Asau, 1974) that maps
/// the top bits of the uniform to where its search starts. A draw is one 63-bit uniform, one guide
/// read and, almost always, four branch-free comparisons, whatever the mean; each cell of a
/// table with many cells has one of few distinct means, so the tables are shared.
/// </summary>
/// <remarks>
/// Exact up to the thresholds' rounding: P(X ≤ k) is rounded to a multiple of 2⁻⁶³, and values of
/// total mass below 2⁻⁶⁰ at either end are not represented. Immutable once built.
/// </remarks>
internal sealed class PoissonTables
{
    /// <summary>Means above this are left to PTRS: their tables would be long and each used by few cells.</summary>
    public const double MaxMean = 100_000;

    // 2⁶³: thresholds are P(X ≤ k)·2⁶³; an entry of 2⁶³ is above every uniform and stops every search.
    private const ulong Certain = 1UL << 63;

    // Every search may read four entries from where its guide points; the padding keeps them inside.
    private const int Padding = 4;

    private readonly List<ulong> thresholds = [];
    private readonly List<int> guides = [];
    private readonly List<Descriptor> descriptors = [];
    private ulong[] thresholdArray = [];
    private int[] guideArray = [];
    private Descriptor[] descriptorArray = [];

    /// <summary>Entries (thresholds and guide) held so far; callers stop adding tables past a budget.</summary>
    public long Entries => thresholds.Count + guides.Count;

    /// <summary>Number of tables.</summary>
    public int Count => Math.Max(descriptors.Count, descriptorArray.Length);

    /// <summary>
    /// Means under this get no guide: their search starts at 0 and almost always ends within the
    /// four branch-free comparisons (P(X ≥ 4) ≤ 1.9%), one dependent read fewer than a guided
    /// search. From about 2 on the rarer-than-not loop costs more than the guide saves (measured:
    /// benchmarks/README.md, section 3).
    /// </summary>
    public const double GuidedFrom = 1.5;

    /// <summary>Adds the table of <paramref name="mean"/> and returns its index.</summary>
    public int Add(double mean)
    {
        if (!(mean >= 0 && mean <= MaxMean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, $"A tabulated Poisson mean must lie in [0, {MaxMean}].");
        }

        var (first, pmf) = Probabilities(mean);
        var tableStart = thresholds.Count;
        var cumulative = 0.0;
        foreach (var p in pmf[..^1])
        {
            cumulative += p;
            thresholds.Add(Math.Min((ulong)(cumulative * Certain), Certain));
        }

        for (var pad = 0; pad <= Padding; pad++)
        {
            thresholds.Add(Certain); // the last value takes the rest of the mass
        }

        // Guide: for each of 2^bits equal ranges of the uniform, how many thresholds lie at or
        // below the range's start; a search from there counts the rest.
        var length = thresholds.Count - tableStart;
        var bits = mean < GuidedFrom ? 0 : Math.Max(0, 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(length - Padding - 1)));
        var guideStart = guides.Count;
        var below = 0;
        for (var g = 0; g < 1 << bits; g++)
        {
            var start = (ulong)g << (63 - bits);
            while (thresholds[tableStart + below] <= start)
            {
                below++;
            }

            guides.Add(below);
        }

        descriptors.Add(new Descriptor(tableStart, guideStart, 63 - bits, first));
        return descriptors.Count - 1;
    }

    /// <summary>Ends the building: from here on the tables can be sampled (and no longer added to).</summary>
    public PoissonTables Freeze()
    {
        (thresholdArray, guideArray, descriptorArray) = ([.. thresholds], [.. guides], [.. descriptors]);
        thresholds.Clear();
        guides.Clear();
        descriptors.Clear();
        return this;
    }

    /// <summary>Where table <paramref name="table"/>, of a mean under <see cref="GuidedFrom"/>, starts, for <see cref="SampleUnguided"/>.</summary>
    public int StartOf(int table) => descriptorArray[table].GuideShift == 63 && descriptorArray[table].First == 0
        ? descriptorArray[table].TableStart
        : throw new ArgumentException($"Table {table} is guided; sample it with Sample.", nameof(table));

    /// <summary>One draw from the unguided table starting at <paramref name="start"/> (see <see cref="StartOf"/>): the cheapest path, for the many cells of small mean.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long SampleUnguided(ref Xoshiro256StarStar rng, int start) =>
        Search(rng.NextUInt64() >> 1, ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(thresholdArray), start));

    /// <summary>One draw from table <paramref name="table"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Sample(ref Xoshiro256StarStar rng, int table)
    {
        var u = rng.NextUInt64() >> 1;
        var descriptor = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(descriptorArray), table);
        var start = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(guideArray), descriptor.GuideStart + (int)(u >> descriptor.GuideShift));
        ref var entry = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(thresholdArray), descriptor.TableStart + start);
        return descriptor.First + start + Search(u, ref entry);
    }

    /// <summary>How many thresholds from <paramref name="entry"/> on lie at or below <paramref name="u"/>: four comparisons without branches, then a loop (rarely).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Search(ulong u, ref ulong entry)
    {
        // A guide (or, for small means, a short table) leaves almost every search within four entries.
        long k = (u >= entry ? 1 : 0) + (u >= Unsafe.Add(ref entry, 1) ? 1 : 0)
            + (u >= Unsafe.Add(ref entry, 2) ? 1 : 0) + (u >= Unsafe.Add(ref entry, 3) ? 1 : 0);
        if (k == 4)
        {
            while (u >= Unsafe.Add(ref entry, (nint)k))
            {
                k++;
            }
        }

        return k;
    }

    /// <summary>
    /// The pmf from the first value whose mass matters to the last, computed outward from the mode
    /// (the mode's term by logs, the others by the ratios λ/k and k/λ, so no rounding compounds
    /// over a long run), cut where the tail beyond holds less than 2⁻⁶⁰ of the mass.
    /// </summary>
    private static (long First, double[] Pmf) Probabilities(double mean)
    {
        if (mean == 0)
        {
            return (0, [1.0]);
        }

        const double Negligible = 1.0 / (1UL << 60);
        var mode = (long)Math.Floor(mean);
        var atMode = Math.Exp(-mean + (mode * Math.Log(mean)) - LogFactorial.Of(mode));
        var below = new List<double>();
        var p = atMode;
        for (var k = mode; k > 0; k--)
        {
            p *= k / mean; // P(k − 1) = P(k)·k/λ
            if (p < Negligible * 1e-3)
            {
                break;
            }

            below.Add(p);
        }

        var above = new List<double>();
        p = atMode;
        var tail = 1.0;
        for (var k = mode + 1; tail > Negligible; k++)
        {
            p *= mean / k; // P(k) = P(k − 1)·λ/k
            above.Add(p);

            // Past the mode the ratios fall, so the tail is below a geometric series of ratio λ/(k + 1).
            var ratio = mean / (k + 1);
            tail = ratio < 1 ? p * ratio / (1 - ratio) : 1.0;
        }

        below.Reverse();
        return (mode - below.Count, [.. below, atMode, .. above]);
    }

    private readonly record struct Descriptor(int TableStart, int GuideStart, int GuideShift, long First);
}
