using System.Numerics;
using System.Runtime.CompilerServices;

namespace NmiGate.Core.Metrics.Sampling;

/// <summary>
/// Blackman and Vigna's xoshiro256** generator. Fully specified bit for bit, so a seed gives the
/// same numbers on every machine and .NET version (System.Random promises neither). A mutable
/// struct: pass it by <c>ref</c>; copying it forks the stream.
/// </summary>
internal struct Xoshiro256StarStar
{
    private const double Unit = 1.0 / (1UL << 52);

    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    /// <summary>Raw state, for the reference test vectors; it must not be all zero.</summary>
    public Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("xoshiro256** state must not be all zero.");
        }

        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }

    /// <summary>The raw state, for generators that run several streams side by side.</summary>
    public readonly (ulong S0, ulong S1, ulong S2, ulong S3) State => (s0, s1, s2, s3);

    /// <summary>State expanded from one seed through SplitMix64 (never all zero: four consecutive outputs of a bijection).</summary>
    public static Xoshiro256StarStar FromSeed(ulong seed)
    {
        var expander = new SplitMix64(seed);
        return new Xoshiro256StarStar(expander.Next(), expander.Next(), expander.Next(), expander.Next());
    }

    /// <summary>
    /// The generator of stream <paramref name="stream"/> under <paramref name="seed"/>. Each
    /// bootstrap replicate takes its own stream, so its draws do not depend on which thread runs
    /// it or in what order. Mix and XOR are bijections, so for one seed distinct streams start
    /// from distinct SplitMix64 states.
    /// </summary>
    public static Xoshiro256StarStar ForStream(ulong seed, ulong stream) =>
        FromSeed(SplitMix64.Mix(seed) ^ SplitMix64.Mix(stream + 0x632BE59BD9B4E019));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = BitOperations.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>
    /// Uniform on the open interval (0, 1): the top 52 bits centred in their cell, (k + ½)·2⁻⁵².
    /// k + ½ needs 53 bits, so it and the result are exact; never 0 or 1, so samplers may take
    /// logs and ratios without special cases, and u and 1 − u have the same distribution.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => ((NextUInt64() >> 12) + 0.5) * Unit;

    /// <summary>
    /// Uniform on [0, <paramref name="bound"/>), every value exactly equally likely: Lemire's
    /// nearly-divisionless method ("Fast random integer generation in an interval", 2019), the high
    /// word of x·bound once the low words below 2⁶⁴ mod bound are rejected.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextBelow(ulong bound)
    {
        // Math.BigMul's out parameter would pin its target (and this generator, inlined) to memory.
        var product = Math.BigMul(NextUInt64(), bound);
        if ((ulong)product < bound)
        {
            var threshold = (0 - bound) % bound;
            while ((ulong)product < threshold)
            {
                product = Math.BigMul(NextUInt64(), bound);
            }
        }

        return (ulong)(product >> 64);
    }
}
