using NmiGate.Core.Metrics;
using NmiGate.Core.Metrics.Sampling;

namespace NmiGate.Benchmarks.Baselines;

/// <summary>
/// The textbook bootstrap: each replicate draws N row indices with replacement, gathers their
/// labels, counts the resampled rows into a fresh table and evaluates the metric on it; then the
/// percentile interval of the replicate values. O(N) per replicate, single-threaded sampling
/// (the counting itself uses NmiGate's parallel dense path, so only the resampling is naive).
/// </summary>
internal sealed class RowResamplingBootstrap(int[] reference, int[] candidate)
{
    private readonly int[] sampledReference = new int[reference.Length];
    private readonly int[] sampledCandidate = new int[candidate.Length];

    public ConfidenceInterval Interval(Func<ContingencyTable, double> metric, int resamples, double level, ulong seed)
    {
        var values = new double[resamples];
        var rows = (ulong)reference.Length;
        for (var replicate = 0; replicate < resamples; replicate++)
        {
            var rng = Xoshiro256StarStar.ForStream(seed, (ulong)replicate);
            for (var i = 0; i < sampledReference.Length; i++)
            {
                // Multiply-shift maps 64 random bits onto 0..N-1 (bias below 2^-40 for N ≤ 10^7).
                var row = (int)Math.BigMul(rng.NextUInt64(), rows, out _);
                sampledReference[i] = reference[row];
                sampledCandidate[i] = candidate[row];
            }

            values[replicate] = metric(ContingencyTable.FromLabels(sampledReference, sampledCandidate));
        }

        Array.Sort(values);
        var estimate = metric(ContingencyTable.FromLabels(reference, candidate));
        return new ConfidenceInterval(
            estimate, Bootstrap.Quantile(values, (1 - level) / 2), Bootstrap.Quantile(values, (1 + level) / 2), level, resamples);
    }
}
