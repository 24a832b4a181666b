using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    private readonly List<long> halves = [];
    private long[] halfArray = [];
    private ulong[] thresholdArray = [];
    private int[] guideArray = [];
    private Descriptor[] descriptorArray = [];

    /// <summary>Entries (thresholds and guide) held so far; callers stop adding tables past a budget.</summary>
    public long Entries => thresholds.Count + guides.Count;

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

        // Unguided tables also get a copy at half scale, P(X ≤ k)·2⁶², for the four-lane path
        // (signed 64-bit comparisons: every entry, 2⁶² included, is a positive long).
        var halfStart = -1;
        if (bits == 0)
        {
            halfStart = halves.Count;
            for (var entry = tableStart; entry < thresholds.Count; entry++)
            {
                halves.Add((long)(thresholds[entry] >> 1));
            }
        }

        descriptors.Add(new Descriptor(tableStart, guideStart, 63 - bits, first, halfStart));
        return descriptors.Count - 1;
    }

    /// <summary>Ends the building: from here on the tables can be sampled (and no longer added to).</summary>
    public PoissonTables Freeze()
    {
        (thresholdArray, guideArray, descriptorArray, halfArray) = ([.. thresholds], [.. guides], [.. descriptors], [.. halves]);
        halves.Clear();
        thresholds.Clear();
        guides.Clear();
        descriptors.Clear();
        return this;
    }

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

    /// <summary>
    /// Fills <paramref name="counts"/> with independent draws from unguided table
    /// <paramref name="table"/> and returns their sum: four lanes at a time, each its own
    /// xoshiro256** stream seeded from <paramref name="rng"/>, compared with the half-scale table
    /// (62-bit uniforms: exact up to P(X ≤ k) rounded to 2⁻⁶²). Vector256 computes the same bits
    /// with or without hardware support, so the draws do not depend on the machine.
    /// </summary>
    public long SampleUnguidedRun<T>(ref Xoshiro256StarStar rng, int table, Span<T> counts)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        var descriptor = descriptorArray[table];
        if (descriptor.HalfStart < 0)
        {
            throw new ArgumentException($"Table {table} is guided; sample it with Sample.", nameof(table));
        }

        var entries = halfArray.AsSpan(descriptor.HalfStart);
        var (t0, t1, t2, t3) = (Vector256.Create(entries[0]), Vector256.Create(entries[1]), Vector256.Create(entries[2]), Vector256.Create(entries[3]));
        var (s0, s1, s2, s3) = Lanes(ref rng);
        var sum = Vector256<long>.Zero;
        var four = Vector256.Create(4L);
        var i = 0;
        for (; i + 4 <= counts.Length; i += 4)
        {
            // xoshiro256** in four lanes: (s1·5 rotated by 7)·9, multiplications as shift-adds.
            var x = s1 + (s1 << 2);
            x = (x << 7) | (x >>> 57);
            var output = x + (x << 3);
            var t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = (s3 << 45) | (s3 >>> 19);

            // k = how many of the first four entries lie at or below u (a true comparison is −1).
            var u = (output >>> 2).AsInt64();
            var k = -(Vector256.GreaterThanOrEqual(u, t0) + Vector256.GreaterThanOrEqual(u, t1)
                + Vector256.GreaterThanOrEqual(u, t2) + Vector256.GreaterThanOrEqual(u, t3));
            if (Vector256.EqualsAny(k, four))
            {
                // Rare: some lane passed the first four entries. Searched on inline: a call here
                // would push the lanes' state out of registers on every iteration.
                for (var lane = 0; lane < Vector256<long>.Count; lane++)
                {
                    if (k.GetElement(lane) == 4)
                    {
                        k = k.WithElement(lane, SearchHalf(u.GetElement(lane), entries));
                    }
                }
            }

            sum += k;
            if (typeof(T) == typeof(int))
            {
                Vector256.Narrow(k, k).GetLower().StoreUnsafe(ref Unsafe.As<T, int>(ref counts[i]));
            }
            else
            {
                counts[i] = T.CreateTruncating(k.GetElement(0));
                counts[i + 1] = T.CreateTruncating(k.GetElement(1));
                counts[i + 2] = T.CreateTruncating(k.GetElement(2));
                counts[i + 3] = T.CreateTruncating(k.GetElement(3));
            }
        }

        var drawn = Vector256.Sum(sum);
        for (; i < counts.Length; i++)
        {
            var k = SearchHalf((long)(rng.NextUInt64() >> 2), entries);
            drawn += k;
            counts[i] = T.CreateTruncating(k);
        }

        return drawn;
    }

    /// <summary>Four lanes' states, each expanded through SplitMix64 from one output of <paramref name="rng"/>.</summary>
    private static (Vector256<ulong> S0, Vector256<ulong> S1, Vector256<ulong> S2, Vector256<ulong> S3) Lanes(ref Xoshiro256StarStar rng)
    {
        var a = Xoshiro256StarStar.FromSeed(rng.NextUInt64()).State;
        var b = Xoshiro256StarStar.FromSeed(rng.NextUInt64()).State;
        var c = Xoshiro256StarStar.FromSeed(rng.NextUInt64()).State;
        var d = Xoshiro256StarStar.FromSeed(rng.NextUInt64()).State;
        return (Vector256.Create(a.S0, b.S0, c.S0, d.S0), Vector256.Create(a.S1, b.S1, c.S1, d.S1),
            Vector256.Create(a.S2, b.S2, c.S2, d.S2), Vector256.Create(a.S3, b.S3, c.S3, d.S3));
    }

    /// <summary>How many half-scale entries lie at or below <paramref name="u"/> (the last, 2⁶², never does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long SearchHalf(long u, ReadOnlySpan<long> entries)
    {
        var k = 0;
        while (u >= entries[k])
        {
            k++;
        }

        return k;
    }

    private readonly record struct Descriptor(int TableStart, int GuideStart, int GuideShift, long First, int HalfStart);
}
