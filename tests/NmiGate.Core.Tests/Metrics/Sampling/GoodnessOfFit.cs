namespace NmiGate.Core.Tests.Metrics.Sampling;

/// <summary>Pearson's chi-square test, shared by the sampler tests.</summary>
internal static class GoodnessOfFit
{
    /// <summary>Pearson's statistic of <paramref name="observed"/> against <paramref name="expected"/>(k), pooling categories whose expected count is under 5 into one.</summary>
    public static (double Statistic, int Degrees) ChiSquare(long[] observed, Func<int, double> expected)
    {
        double statistic = 0, pooledObserved = 0, pooledExpected = 0;
        var categories = 0;
        for (var k = 0; k < observed.Length; k++)
        {
            var e = expected(k);
            if (e < 5)
            {
                pooledObserved += observed[k];
                pooledExpected += e;
                continue;
            }

            statistic += (observed[k] - e) * (observed[k] - e) / e;
            categories++;
        }

        if (pooledExpected > 0)
        {
            statistic += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
            categories++;
        }

        return (statistic, categories - 1);
    }

    /// <summary>Chi-square critical value at α = 0.001 (Wilson–Hilferty), generous enough for a fixed-seed test.</summary>
    public static double Critical(int degrees)
    {
        const double Z = 3.09;
        var h = 2.0 / (9 * degrees);
        return degrees * Math.Pow(1 - h + (Z * Math.Sqrt(h)), 3);
    }
}
