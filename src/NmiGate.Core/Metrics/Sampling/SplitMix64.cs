namespace NmiGate.Core.Metrics.Sampling;

/// <summary>
/// Vigna's SplitMix64: a Weyl sequence through a 64-bit finalizer. Used only to expand a seed into
/// <see cref="Xoshiro256StarStar"/> state, as the xoshiro authors recommend.
/// </summary>
internal struct SplitMix64(ulong state)
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    private ulong state = state;

    public ulong Next()
    {
        state += Gamma;
        return Mix(state);
    }

    /// <summary>The finalizer alone: a bijection on 64-bit values that scatters nearby inputs.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
