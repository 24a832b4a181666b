using System.Collections.Concurrent;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Tests.Metrics;

/// <summary>
/// The multinomial shortcut must reproduce the distribution of the textbook bootstrap: resample
/// the rows with replacement and count them again.
/// </summary>
public sealed class BootstrapRowResamplingTests
{
    private const int Replicates = 2000;

    [Fact]
    public void Multinomial_replicates_match_row_resampling_in_distribution()
    {
        var (reference, candidate) = NoisyRows(rows: 300, seed: 2024);
        var table = ContingencyTable.FromLabels<int>(reference, candidate);

        var rowResampled = RowResampledNmi(reference, candidate, seed: 77);

        var cellResampled = new ConcurrentQueue<double>();
        Bootstrap.Interval(
            table,
            t =>
            {
                var nmi = t.NormalizedMutualInformation();
                if (!ReferenceEquals(t, table))
                {
                    cellResampled.Enqueue(nmi);
                }

                return nmi;
            },
            resamples: Replicates,
            seed: 77);
        var multinomial = cellResampled.ToArray();
        Assert.Equal(Replicates, multinomial.Length);

        var (rowMean, rowSd) = MeanAndSd(rowResampled);
        var (cellMean, cellSd) = MeanAndSd(multinomial);
        var meanTolerance = 5 * Math.Sqrt(((rowSd * rowSd) + (cellSd * cellSd)) / Replicates);
        Assert.True(Math.Abs(rowMean - cellMean) <= meanTolerance, $"mean: rows {rowMean:F5}, cells {cellMean:F5}, tolerance {meanTolerance:F5}");

        // An sd estimated from 2000 values has a relative standard error near 1/√(2·2000) ≈ 1.6%.
        Assert.InRange(cellSd / rowSd, 0.9, 1.1);

        // Two-sample Kolmogorov–Smirnov at α = 0.001: D ≤ 1.949·√((n + m)/(n·m)).
        var critical = 1.949 * Math.Sqrt(2.0 / Replicates);
        var d = KolmogorovSmirnov(rowResampled, multinomial);
        Assert.True(d <= critical, $"KS D = {d:F4} > {critical:F4}");
    }

    [Fact]
    public void The_comparison_detects_a_wrong_bootstrap()
    {
        // Control: replicates of twice the rows have a visibly narrower NMI distribution, and the
        // same checks must reject them, or the test above proves nothing.
        var (reference, candidate) = NoisyRows(rows: 300, seed: 2024);
        var doubled = ContingencyTable.FromLabels<int>([.. reference, .. reference], [.. candidate, .. candidate]);
        var rowResampled = RowResampledNmi(reference, candidate, seed: 77);
        var wrong = new ConcurrentQueue<double>();
        Bootstrap.Interval(
            doubled,
            t =>
            {
                if (!ReferenceEquals(t, doubled))
                {
                    wrong.Enqueue(t.NormalizedMutualInformation());
                }

                return 0;
            },
            resamples: Replicates,
            seed: 77);

        var (_, rowSd) = MeanAndSd(rowResampled);
        var (_, wrongSd) = MeanAndSd(wrong.ToArray());
        Assert.True(wrongSd / rowSd < 0.9, $"sd ratio {wrongSd / rowSd:F3}");
        Assert.True(KolmogorovSmirnov(rowResampled, wrong.ToArray()) > 1.949 * Math.Sqrt(2.0 / Replicates));
    }

    /// <summary>Three clusters of 100 rows; the candidate keeps a row's cluster with probability 0.8, else picks one at random.</summary>
    private static (int[] Reference, int[] Candidate) NoisyRows(int rows, int seed)
    {
        var random = new Random(seed);
        var reference = new int[rows];
        var candidate = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            reference[i] = i % 3;
            candidate[i] = random.NextDouble() < 0.8 ? reference[i] : random.Next(3);
        }

        return (reference, candidate);
    }

    /// <summary>The textbook bootstrap: draw N row indices with replacement, count the table again.</summary>
    private static double[] RowResampledNmi(int[] reference, int[] candidate, int seed)
    {
        var random = new Random(seed);
        var n = reference.Length;
        var resampledReference = new int[n];
        var resampledCandidate = new int[n];
        var values = new double[Replicates];
        for (var r = 0; r < Replicates; r++)
        {
            for (var i = 0; i < n; i++)
            {
                var row = random.Next(n);
                resampledReference[i] = reference[row];
                resampledCandidate[i] = candidate[row];
            }

            values[r] = ContingencyTable.FromLabels(resampledReference.AsSpan(), resampledCandidate.AsSpan()).NormalizedMutualInformation();
        }

        return values;
    }

    internal static (double Mean, double Sd) MeanAndSd(double[] values)
    {
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        return (mean, Math.Sqrt(variance));
    }

    /// <summary>sup |F₁ − F₂| over all values, stepping past ties in both samples together.</summary>
    internal static double KolmogorovSmirnov(double[] first, double[] second)
    {
        var a = first.Order().ToArray();
        var b = second.Order().ToArray();
        int i = 0, j = 0;
        double d = 0;
        while (i < a.Length && j < b.Length)
        {
            var x = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] == x)
            {
                i++;
            }

            while (j < b.Length && b[j] == x)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs(((double)i / a.Length) - ((double)j / b.Length)));
        }

        return d;
    }
}
