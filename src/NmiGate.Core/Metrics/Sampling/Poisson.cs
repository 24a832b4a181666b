using System.Runtime.CompilerServices;

namespace NmiGate.Core.Metrics.Sampling;

/// <summary>
/// Exact Poisson(λ) variates for a mean fixed in advance and drawn many times: Hörmann's PTRS
/// ("The transformed rejection method for generating Poisson random variables", Insurance:
/// Mathematics and Economics 12, 1993) from λ ≥ <see cref="TransformedRejectionFrom"/>, sequential
/// inversion below. Every constant that depends on λ alone is computed once, here, so a draw on
/// the accept-at-once path (about 90% of draws) is two uniforms, one division and a floor.
/// </summary>
internal readonly struct Poisson
{
    /// <summary>PTRS's hat is proven from λ ≥ 10 (Hörmann 1993); inversion costs about λ + 1 steps below that.</summary>
    public const double TransformedRejectionFrom = 10;

    private readonly double lambda;
    private readonly double b;
    private readonly double twiceA;
    private readonly double shift;
    private readonly double vr;
    private readonly double logAlpha;
    private readonly double logLambda;
    private readonly double expMinusLambda;

    public Poisson(double lambda)
    {
        if (!(lambda >= 0 && lambda < 1e15))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "A Poisson mean must lie in [0, 1e15).");
        }

        this.lambda = lambda;
        if (lambda < TransformedRejectionFrom)
        {
            expMinusLambda = Math.Exp(-lambda);
            return;
        }

        var sqrtLambda = Math.Sqrt(lambda);
        b = 0.931 + (2.53 * sqrtLambda);
        var a = -0.059 + (0.02483 * b);
        twiceA = 2 * a;
        shift = lambda + 0.43;
        vr = 0.9277 - (3.6224 / (b - 2));
        logAlpha = Math.Log(1.1239 + (1.1328 / (b - 3.4)));
        logLambda = Math.Log(lambda);
    }

    public double Mean => lambda;

    /// <summary>One draw from a single generator.</summary>
    public long Sample(ref Xoshiro256StarStar rng) => Sample(ref rng, ref rng);

    /// <summary>
    /// One draw: the accept-at-once path (inlined into the caller's loop) from <paramref name="rng"/>,
    /// the rest (calls) from <paramref name="spare"/>. Any source of fresh uniforms keeps the law
    /// exact; a separate one lets the caller keep <paramref name="rng"/> in registers, since only
    /// <paramref name="spare"/> is then passed by reference to a call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Sample(ref Xoshiro256StarStar rng, ref Xoshiro256StarStar spare)
    {
        if (lambda < TransformedRejectionFrom)
        {
            return Inversion(ref spare);
        }

        // PTRS step 1: U uniform on (−½, ½), V on (0, 1), k = ⌊(2a/(½ − |U|) + b)·U + λ + 0.43⌋;
        // (U, V) in the region wholly under the pmf is accepted without evaluating it.
        var u = rng.NextDouble() - 0.5;
        var v = rng.NextDouble();
        var us = 0.5 - Math.Abs(u);
        var k = Math.Floor((((twiceA / us) + b) * u) + shift);
        return us >= 0.07 && v <= vr ? (long)k : TransformedRejection(ref spare, us, v, k);
    }

    /// <summary>Sequential search of the CDF from 0: P(0) = e^−λ, P(k) = P(k − 1)·λ/k.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private long Inversion(ref Xoshiro256StarStar rng)
    {
        while (true)
        {
            var u = rng.NextDouble();
            var probability = expMinusLambda;
            for (long k = 0; probability > 0; k++)
            {
                if (u <= probability)
                {
                    return k;
                }

                u -= probability;
                probability *= lambda / (k + 1);
            }

            // Rounding left u (by ~1e-16) above the whole computed mass: draw afresh.
        }
    }

    /// <summary>PTRS from step 2, for a point outside the accept-at-once region; draws afresh until one is accepted.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private long TransformedRejection(ref Xoshiro256StarStar rng, double us, double v, double k)
    {
        while (true)
        {
            // Reject impossible k and the hat's thin tails outright; otherwise the exact test,
            // ln(V·α/(a/us² + b)) ≤ ln f(k) = −λ + k·ln λ − ln k!.
            if (k >= 0 && (us >= 0.013 || v <= us))
            {
                var logHat = Math.Log(v) + logAlpha - Math.Log((twiceA / 2 / (us * us)) + b);
                if (logHat <= -lambda + (k * logLambda) - LogFactorial.Of((long)k))
                {
                    return (long)k;
                }
            }

            var u = rng.NextDouble() - 0.5;
            v = rng.NextDouble();
            us = 0.5 - Math.Abs(u);
            k = Math.Floor((((twiceA / us) + b) * u) + shift);
            if (us >= 0.07 && v <= vr)
            {
                return (long)k;
            }
        }
    }
}
