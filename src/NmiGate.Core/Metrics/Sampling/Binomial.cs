namespace NmiGate.Core.Metrics.Sampling;

/// <summary>
/// Exact Binomial(n, p) variates for any <c>long</c> n and p in [0, 1], without allocation:
/// sequential inversion while n·min(p, 1 − p) &lt; 10, otherwise Hörmann's BTRD ("The generation
/// of binomial random variates", J. Stat. Comput. Simul. 46, 1993). Both are exact up to
/// floating-point rounding; neither approximates the distribution.
/// </summary>
internal static class Binomial
{
    // Inversion costs about n·p + 1 steps; BTRD costs a roughly constant few, and its hat
    // constants are only proven from n·p ≥ 10 (Hörmann 1993).
    private const double InversionLimit = 10;

    // Within this distance of the mode, f(k)/f(m) is cheaper as a product of ratios than by logs.
    private const int RecursionLimit = 15;

    /// <summary>One draw from Binomial(<paramref name="n"/>, <paramref name="p"/>).</summary>
    public static long Sample(ref Xoshiro256StarStar rng, long n, double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability must lie in [0, 1].");
        }

        if (p <= 0.5)
        {
            return SampleAtMostHalf(ref rng, n, p);
        }

        // Symmetry: Binomial(n, p) = n − Binomial(n, 1 − p). For p in [½, 1], 1 − p is exact
        // (Sterbenz), so the reflection loses nothing.
        return n - SampleAtMostHalf(ref rng, n, 1 - p);
    }

    /// <summary>
    /// One draw from Binomial(<paramref name="n"/>, <paramref name="successes"/> / <paramref name="total"/>).
    /// The smaller of p and 1 − p is rounded once from the exact integers, so a p close to 1 keeps
    /// its complement's full relative precision (1 − (double)p would not).
    /// </summary>
    public static long Sample(ref Xoshiro256StarStar rng, long n, long successes, long total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(total);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, total);
        var failures = total - successes;
        return successes <= failures
            ? SampleAtMostHalf(ref rng, n, (double)successes / total)
            : n - SampleAtMostHalf(ref rng, n, (double)failures / total);
    }

    /// <summary>
    /// fc(k) = ln k! − [(k + ½)·ln(k + 1) − (k + 1) + ½·ln 2π]: the error of Stirling's formula,
    /// which BTRD adds back to compare log-probabilities exactly.
    /// </summary>
    internal static double StirlingCorrection(long k)
    {
        if (k < SmallStirlingCorrections.Length)
        {
            return SmallStirlingCorrections[(int)k];
        }

        // The asymptotic series 1/12x − 1/360x³ + 1/1260x⁵ − 1/1680x⁷ + 1/1188x⁹ − 691/360360x¹¹ in
        // x = k + 1. From x = 17 the first omitted term, 1/156x¹³, is under 2e-16 of the sum: full
        // double precision. (Hörmann stops at x⁻⁵ from k = 10, an error up to 3e-11.)
        var x = k + 1.0;
        var y = 1 / (x * x);
        var series = (1.0 / 1188) - (y * (691.0 / 360360));
        series = (1.0 / 1680) - (y * series);
        series = (1.0 / 1260) - (y * series);
        series = (1.0 / 360) - (y * series);
        return ((1.0 / 12) - (y * series)) / x;
    }

    // fc(0..15), where the series is not yet exact; computed to 50 digits and rounded once.
    private static ReadOnlySpan<double> SmallStirlingCorrections =>
    [
        0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093,
        0.016644691189821193, 0.013876128823070748, 0.01189670994589177, 0.010411265261972096,
        0.009255462182712733, 0.00833056343336287, 0.007573675487951841, 0.00694284010720953,
        0.006408994188004207, 0.0059513701127588475, 0.005554733551962801, 0.0052076559196096404,
    ];

    private static long SampleAtMostHalf(ref Xoshiro256StarStar rng, long n, double p)
    {
        if (n == 0 || p == 0)
        {
            return 0;
        }

        return n * p < InversionLimit ? Inversion(ref rng, n, p) : Btrd(ref rng, n, p);
    }

    /// <summary>Sequential search of the CDF from 0 (p ≤ ½, n·p &lt; 10): expected n·p + 1 steps.</summary>
    private static long Inversion(ref Xoshiro256StarStar rng, long n, double p)
    {
        // P(0) = qⁿ, then P(k + 1) = P(k) · (n − k)/(k + 1) · p/q = P(k) · ((n + 1)·s/(k + 1) − s), s = p/q.
        // qⁿ as exp(n·ln(1 − p)) with ln(1 − p) accurate for tiny p (see LogOneMinus). With p ≤ ½
        // and n·p < 10, qⁿ ≥ e^(−2 ln 2 · 10) ≈ 1e-6: no underflow.
        var s = p / (1 - p);
        var a = (n + 1) * s;
        var first = Math.Exp(n * LogOneMinus(p));
        while (true)
        {
            var u = rng.NextDouble();
            var probability = first;
            for (long k = 0; k <= n && probability > 0; k++)
            {
                if (u <= probability)
                {
                    return k;
                }

                u -= probability;
                probability *= (a / (k + 1)) - s;
            }

            // Rounding left u (by ~1e-16) above the whole computed mass: the pmf ran out (underflow
            // or k > n). Drawing afresh keeps the result exact up to that rounding and possible.
        }
    }

    /// <summary>ln(1 − p) to full relative precision, also for p far below machine epsilon.</summary>
    internal static double LogOneMinus(double p)
    {
        // Small p (the multinomial's usual case): the series −p·(1 + p/2 + p²/3 + … + p⁵/6), whose
        // first omitted term is below 2e-19 of the sum for p ≤ 2⁻¹⁰; no log, no division.
        if (p <= 1.0 / 1024)
        {
            return -p * (1 + (p * ((1.0 / 2) + (p * ((1.0 / 3) + (p * ((1.0 / 4) + (p * ((1.0 / 5) + (p / 6))))))))));
        }

        // Otherwise Goldberg's trick, as .NET has no accurate log1p: with w = 1 − p rounded,
        // ln(w)·(−p)/(w − 1) cancels the rounding of w to first order (ln(w)/(w − 1) varies slowly).
        var w = 1 - p;
        return Math.Log(w) * -p / (w - 1);
    }

    /// <summary>
    /// BTRD (p ≤ ½, n·p ≥ 10): transformed rejection from a hat over the pmf, with a central box
    /// accepted without any test (most draws), the exact test near the mode done by a product of
    /// ratios, and far from it by a normal-approximation squeeze before the Stirling-based log test.
    /// </summary>
    private static long Btrd(ref Xoshiro256StarStar rng, long n, double p)
    {
        // Setup (step 0). m is the mode; a, b, c shape the transformation u -> k; alpha scales the
        // hat; v_r is the share of the hat taken by the box, u_r·v_r = 0.86·v_r its accept-at-once part.
        // The mode m and r = p/q serve only the rejection path (about 14% of draws), so they are
        // computed there, once, on first use: the accept-at-once path stays one sqrt and a few divisions.
        var q = 1 - p;
        var np = n * p;
        var npq = n * (p * q); // p·q first, so one multiply (not two) waits for n
        var sqrtNpq = Math.Sqrt(npq);
        var b = 1.15 + (2.53 * sqrtNpq);
        var a = -0.0873 + (0.0248 * b) + (0.01 * p);
        var c = np + 0.5;
        var inverseB = 1 / b; // one division serves both hat constants
        var alpha = (2.83 + (5.1 * inverseB)) * sqrtNpq;
        var vr = 0.92 - (4.2 * inverseB);
        var urvr = 0.86 * vr;
        var h = double.NaN; // ln f(m) term of the exact test; needs logs, so computed on first use
        long m = -1;
        double r = 0, nr = 0;

        while (true)
        {
            // Step 1: v ≤ u_r·v_r lies in the box wholly under the pmf: accept at once. Here
            // |u| ≤ 0.43, which keeps k inside [0, n] for every n·p ≥ 10.
            var v = rng.NextDouble();
            double u;
            if (v <= urvr)
            {
                // Hörmann takes u = v/v_r − 0.43, which given v ≤ u_r·v_r is uniform on [−0.43, 0.43];
                // a fresh uniform has the same law and, unlike v, does not depend on n. In a
                // multinomial n is the previous cell's remainder, so the draws form one long chain:
                // everything computed from u alone is ready before n is, and the chain from n is
                // one sqrt and a few multiply-adds, no division. (2a/(½ − |u|) + b)·u + c is
                // regrouped as b·(1 + 0.0496w)·u + (0.02p − 0.1746)·w·u + c with w = 1/(½ − |u|)
                // (2a = 0.0496b + 0.02p − 0.1746). The value is ≥ 0 (see above): truncation is floor.
                u = (rng.NextDouble() * 0.86) - 0.43;
                var w = 1 / (0.5 - Math.Abs(u));
                var bFactor = (1 + (0.0496 * w)) * u;
                var rest = ((0.02 * p) - 0.1746) * w * u;
                return (long)((b * bFactor) + rest + c);
            }

            // Step 2: a point under the hat outside the box. v ≥ v_r: a fresh u over the whole
            // range. Otherwise v fell in the box's thin rejection strip: reuse it to place u in
            // the tails, |u| in (0.43, 0.5), and draw a new v over the box's height.
            if (v >= vr)
            {
                u = rng.NextDouble() - 0.5;
            }
            else
            {
                u = (v / vr) - 0.93;
                u = (u < 0 ? -0.5 : 0.5) - u;
                v = rng.NextDouble() * vr;
            }

            // Step 3.0: transform u to k, reject impossible k, and rescale v by the hat's height at
            // u, so that k is accepted exactly when v ≤ f(k)/f(m).
            var inverseUs = 1 / (0.5 - Math.Abs(u)); // from u alone: off the chain from n
            var kReal = Math.Floor(((((2 * a) * inverseUs) + b) * u) + c);
            if (!(kReal >= 0 && kReal <= n))
            {
                continue;
            }

            var k = (long)kReal;
            v = v * alpha / ((a * inverseUs * inverseUs) + b);
            if (m < 0)
            {
                m = (long)Math.Floor((n + 1) * p);
                r = p / q;
                nr = (n + 1) * r;
            }

            var km = Math.Abs((double)(k - m));
            if (km <= RecursionLimit)
            {
                // Step 3.1: f(i)/f(i − 1) = (n + 1 − i)/i · p/q = (nr − r·i)/i. Multiply up from
                // the mode to k; when k < m, the ratios go to v's side instead. Numerators and
                // denominators are multiplied apart and divided once: a chain of up to 15
                // divisions was most of this path's cost. At most 15 factors, each below
                // max(nr, m + 16), so neither product can overflow a double.
                double numerator = 1, denominator = 1;
                var from = Math.Min(m, k);
                var to = Math.Max(m, k);
                for (var i = from + 1; i <= to; i++)
                {
                    numerator *= nr - (r * i);
                    denominator *= i;
                }

                var accept = m < k ? v * denominator <= numerator : v * numerator <= denominator;
                if (accept)
                {
                    return k;
                }

                continue;
            }

            // Step 3.2: compare logs. ln f(k)/f(m) lies within rho of the normal approximation
            // t = −km²/(2npq); this squeeze decides most draws without evaluating the pmf.
            v = Math.Log(v);
            var rho = km / npq * (((((km / 3) + 0.625) * km) + (1.0 / 6)) / npq + 0.5);
            var t = -km * km / (2 * npq);
            if (v < t - rho)
            {
                return k;
            }

            if (v > t + rho)
            {
                continue;
            }

            // Steps 3.3–3.4: the exact test against ln f(k)/f(m); its k-free part h is computed once.
            if (double.IsNaN(h))
            {
                h = ModeTerm(n, m, r);
            }

            var logRatio = LogRatioToMode(n, m, k, r, h);
            if (v <= logRatio)
            {
                return k;
            }
        }
    }

    /// <summary>The part of <see cref="LogRatioToMode"/> that depends only on n, the mode m and r = p/q.</summary>
    internal static double ModeTerm(long n, long m, double r) =>
        ((m + 0.5) * Math.Log((m + 1) / (r * (n - m + 1)))) + StirlingCorrection(m) + StirlingCorrection(n - m);

    /// <summary>
    /// ln f(k)/f(m) for the Binomial(n, p) pmf f, r = p/q, h = <see cref="ModeTerm"/>: Stirling's
    /// formula with its corrections fc, in Hörmann's arrangement as logs of ratios, which never
    /// subtracts two log-factorials of size n·ln n.
    /// </summary>
    internal static double LogRatioToMode(long n, long m, long k, double r, double h)
    {
        var nm = n - m + 1;
        var nk = n - k + 1;
        return h + ((n + 1) * Math.Log((double)nm / nk)) + ((k + 0.5) * Math.Log(nk * r / (k + 1)))
            - StirlingCorrection(k) - StirlingCorrection(n - k);
    }
}
