namespace NmiGate.Core.Metrics;

/// <summary>ln(n!) to full double precision for any n ≥ 0 (the log-gamma the hypergeometric terms need).</summary>
internal static class LogFactorial
{
    private const int TableSize = 171; // 170! is the largest factorial a double holds

    private static readonly double[] Table = BuildTable();

    public static double Of(long n)
    {
        if (n < TableSize)
        {
            return Table[n];
        }

        // Stirling's series: ln n! = n ln n − n + ½ ln(2πn) + 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷).
        // For n ≥ 171 the first omitted term is below 1e-25, far under double rounding.
        var x = (double)n;
        var inverse = 1.0 / x;
        var inverse2 = inverse * inverse;
        var correction = inverse * ((1.0 / 12) - (inverse2 * ((1.0 / 360) - (inverse2 * ((1.0 / 1260) - (inverse2 / 1680))))));
        return (x * Math.Log(x)) - x + (0.5 * Math.Log(2 * Math.PI * x)) + correction;
    }

    private static double[] BuildTable()
    {
        // The running product n! is exact to a few ulps up to 170!, so its log is accurate to ~1e-15,
        // unlike a running sum of logs, whose rounding errors add up.
        var table = new double[TableSize];
        var factorial = 1.0;
        for (var n = 1; n < TableSize; n++)
        {
            factorial *= n;
            table[n] = Math.Log(factorial);
        }

        return table;
    }
}
