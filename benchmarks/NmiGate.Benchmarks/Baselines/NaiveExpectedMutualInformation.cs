using NmiGate.Core.Metrics;

namespace NmiGate.Benchmarks.Baselines;

/// <summary>
/// scikit-learn's <c>expected_mutual_information</c> as written there: for every reference
/// cluster i and candidate cluster j (no grouping of equal sizes), sum every n in
/// max(1, a+b−N)..min(a, b) with three fresh log-factorials per term. ln(k!) and ln k come from
/// tables built once for k ≤ N (outside the timed call), which only flatters the baseline.
/// </summary>
internal sealed class NaiveExpectedMutualInformation
{
    private readonly double[] logFactorial;
    private readonly double[] log;

    public NaiveExpectedMutualInformation(long maxRows)
    {
        logFactorial = new double[maxRows + 1];
        log = new double[maxRows + 1];
        for (var k = 0; k <= maxRows; k++)
        {
            logFactorial[k] = LogFactorial.Of(k);
            log[k] = Math.Log(k);
        }
    }

    public double Compute(ReadOnlySpan<long> referenceSizes, ReadOnlySpan<long> candidateSizes, long n)
    {
        var lnN = log[n];
        var lnFactorialN = logFactorial[n];
        double emi = 0;
        foreach (var a in referenceSizes)
        {
            foreach (var b in candidateSizes)
            {
                var constant = logFactorial[a] + logFactorial[b] + logFactorial[n - a] + logFactorial[n - b] - lnFactorialN;
                var logAb = log[a] + log[b];
                var end = Math.Min(a, b);
                for (var nij = Math.Max(1, a + b - n); nij <= end; nij++)
                {
                    var logTerm = lnN + log[nij] - logAb;
                    var logProbability = constant - logFactorial[nij] - logFactorial[a - nij] - logFactorial[b - nij] - logFactorial[n - a - b + nij];
                    emi += (double)nij / n * logTerm * Math.Exp(logProbability);
                }
            }
        }

        return emi;
    }

    /// <summary>AMI (arithmetic mean) from a table, with the naive E[MI].</summary>
    public double AdjustedMutualInformation(ContingencyTable table)
    {
        var mi = table.MutualInformation();
        var emi = Compute(table.ReferenceSizes, table.CandidateSizes, table.RowCount);
        var mean = (table.ReferenceEntropy + table.CandidateEntropy) / 2;
        return (mi - emi) / (mean - emi);
    }
}
