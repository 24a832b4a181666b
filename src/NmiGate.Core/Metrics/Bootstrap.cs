using System.Runtime.ExceptionServices;
using NmiGate.Core.Metrics.Sampling;

namespace NmiGate.Core.Metrics;

/// <summary>Seeded, reproducible bootstrap percentile intervals for metrics of a <see cref="ContingencyTable"/>.</summary>
/// <remarks>
/// Resampling the N rows with replacement and re-counting them gives cell counts distributed
/// exactly as Multinomial(N, nᵢⱼ / N) over the observed cells: each resampled row lands in cell ij
/// with probability nᵢⱼ / N, independently of the others. So a replicate draws that multinomial
/// directly, in O(cells + √N), and never touches the rows. Replicate r draws from its own
/// random stream derived from (seed, r), so the result is bit-identical however many threads run
/// the replicates and in whatever order. The generator (xoshiro256**) is the same on every
/// platform; the samplers and metrics also use the platform's Math.Log, Exp and Sqrt.
/// </remarks>
public static class Bootstrap
{
    /// <summary>
    /// <paramref name="metric"/> on <paramref name="table"/>, with the percentile interval of its
    /// values over <paramref name="resamples"/> bootstrap replicates of the table.
    /// </summary>
    /// <param name="table">The observed table; it must have at least one row.</param>
    /// <param name="metric">The metric, e.g. <c>t =&gt; t.NormalizedMutualInformation()</c>; it must not return NaN.</param>
    /// <param name="resamples">Number of bootstrap replicates, at least 2.</param>
    /// <param name="level">Nominal coverage, strictly between 0 and 1.</param>
    /// <param name="seed">The same seed gives the same interval, however the replicates are scheduled.</param>
    /// <exception cref="ArgumentException">The table has no rows, or an argument is out of range.</exception>
    /// <exception cref="InvalidOperationException">The metric returned NaN on the table or a replicate.</exception>
    public static ConfidenceInterval Interval(
        ContingencyTable table, Func<ContingencyTable, double> metric, int resamples = 1000, double level = 0.95, ulong seed = 0)
    {
        if (metric is null)
        {
            throw new ArgumentNullException(nameof(metric), "No metric given: pass the function to bootstrap, e.g. t => t.NormalizedMutualInformation().");
        }

        return Intervals(table, [metric], resamples, level, seed)[0];
    }

    /// <summary>
    /// Several metrics evaluated on the same replicates (so their intervals are comparable and the
    /// sampling is paid once); one interval per metric, in the order given.
    /// </summary>
    /// <param name="table">The observed table; it must have at least one row.</param>
    /// <param name="metrics">The metrics; none may be null or return NaN.</param>
    /// <param name="resamples">Number of bootstrap replicates, at least 2.</param>
    /// <param name="level">Nominal coverage, strictly between 0 and 1.</param>
    /// <param name="seed">The same seed gives the same intervals, however the replicates are scheduled.</param>
    /// <exception cref="ArgumentException">The table has no rows, there are no metrics, or an argument is out of range.</exception>
    /// <exception cref="InvalidOperationException">A metric returned NaN on the table or a replicate.</exception>
    public static IReadOnlyList<ConfidenceInterval> Intervals(
        ContingencyTable table, IReadOnlyList<Func<ContingencyTable, double>> metrics, int resamples = 1000, double level = 0.95, ulong seed = 0) =>
        Intervals(table, metrics, resamples, level, seed, maxDegreeOfParallelism: -1);

    /// <summary><see cref="Intervals(ContingencyTable, IReadOnlyList{Func{ContingencyTable, double}}, int, double, ulong)"/> with a thread limit (-1: no limit), for tests.</summary>
    internal static IReadOnlyList<ConfidenceInterval> Intervals(
        ContingencyTable table, IReadOnlyList<Func<ContingencyTable, double>> metrics, int resamples, double level, ulong seed, int maxDegreeOfParallelism) =>
        Intervals(table, metrics, resamples, level, seed, maxDegreeOfParallelism, poissonSampler: true);

    /// <summary>
    /// The generic path; <paramref name="poissonSampler"/> false draws every cell by conditional
    /// binomials as before the Poisson sampler (kept for the benchmarks' before/after comparison).
    /// </summary>
    internal static IReadOnlyList<ConfidenceInterval> Intervals(
        ContingencyTable table, IReadOnlyList<Func<ContingencyTable, double>> metrics, int resamples, double level, ulong seed, int maxDegreeOfParallelism, bool poissonSampler)
    {
        var functions = Validate(table, metrics, resamples, level);
        var estimates = new double[functions.Length];
        for (var m = 0; m < functions.Length; m++)
        {
            estimates[m] = functions[m](table);
        }

        ThrowOnNaN(estimates);
        var values = Replicates(table, functions, resamples, seed, maxDegreeOfParallelism, poissonSampler);
        return PercentileIntervals(estimates, values, level, seed);
    }

    /// <summary>
    /// Built-in metrics evaluated on the same replicates, by the fast path: a replicate is drawn
    /// straight into the few sums these metrics need (N, the marginals, Σ n·ln n, Σ n²), never into
    /// a table. The replicates have the same law as those of the function overload, and each metric
    /// is the table method's formula, equal up to floating-point rounding.
    /// </summary>
    /// <param name="table">The observed table; it must have at least one row.</param>
    /// <param name="metrics">The metrics, e.g. <c>new BootstrapMetric(BootstrapMetricKind.NormalizedMutualInformation)</c>.</param>
    /// <param name="resamples">Number of bootstrap replicates, at least 2.</param>
    /// <param name="level">Nominal coverage, strictly between 0 and 1.</param>
    /// <param name="seed">The same seed gives the same intervals, however the replicates are scheduled.</param>
    /// <exception cref="ArgumentException">The table has no rows, there are no metrics, or an argument is out of range.</exception>
    /// <exception cref="InvalidOperationException">A metric is NaN on the table or a replicate.</exception>
    public static IReadOnlyList<ConfidenceInterval> Intervals(
        ContingencyTable table, IReadOnlyList<BootstrapMetric> metrics, int resamples = 1000, double level = 0.95, ulong seed = 0) =>
        Intervals(table, metrics, resamples, level, seed, maxDegreeOfParallelism: -1);

    /// <summary>The fast path with a thread limit (-1: no limit), for tests and benchmarks.</summary>
    internal static IReadOnlyList<ConfidenceInterval> Intervals(
        ContingencyTable table, IReadOnlyList<BootstrapMetric> metrics, int resamples, double level, ulong seed, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var chosen = metrics.ToArray();
        Validate(table, [.. chosen.Select(m => m.ToFunction())], resamples, level);
        var estimates = Array.ConvertAll(chosen, m => m.Evaluate(table));
        ThrowOnNaN(estimates);
        var values = FastReplicates(table, chosen, resamples, seed, maxDegreeOfParallelism);
        return PercentileIntervals(estimates, values, level, seed);
    }

    /// <summary>The percentile interval of each metric, as numpy.quantile(values, [(1 − level)/2, (1 + level)/2]).</summary>
    private static ConfidenceInterval[] PercentileIntervals(double[] estimates, double[][] values, double level, ulong seed)
    {
        ThrowOnNaN(values, seed);
        var resamples = values[0].Length;
        var lowerQuantile = (1 - level) / 2;
        var upperQuantile = (1 + level) / 2;
        var intervals = new ConfidenceInterval[estimates.Length];
        for (var m = 0; m < estimates.Length; m++)
        {
            Array.Sort(values[m]);
            intervals[m] = new ConfidenceInterval(
                estimates[m], Quantile(values[m], lowerQuantile), Quantile(values[m], upperQuantile), level, resamples);
        }

        return intervals;
    }

    private static void ThrowOnNaN(double[] estimates)
    {
        for (var m = 0; m < estimates.Length; m++)
        {
            if (double.IsNaN(estimates[m]))
            {
                throw new InvalidOperationException($"Metric {m} returned NaN on the observed table; a bootstrap interval needs a number there.");
            }
        }
    }

    /// <summary>numpy.quantile(sorted, q) with numpy's default <c>method='linear'</c> (Hyndman and Fan's type 7).</summary>
    internal static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        // Virtual index (n − 1)·q; interpolate between the values at its floor and the next index,
        // both clipped to the array, as numpy does.
        var last = sorted.Length - 1;
        var position = last * q;
        var below = (int)Math.Floor(position);
        var gamma = position - below;
        var lower = sorted[Math.Clamp(below, 0, last)];
        var upper = sorted[Math.Clamp(below + 1, 0, last)];

        // numpy's _lerp: a + (b − a)·t below t = ½, b − (b − a)·(1 − t) from there, which is exact at
        // t = 1 and keeps the interpolation monotone.
        var difference = upper - lower;
        return gamma >= 0.5 ? upper - (difference * (1 - gamma)) : lower + (difference * gamma);
    }

    private static Func<ContingencyTable, double>[] Validate(
        ContingencyTable table, IReadOnlyList<Func<ContingencyTable, double>> metrics, int resamples, double level)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metrics);
        if (table.RowCount == 0)
        {
            throw new ArgumentException("The table is empty: cannot bootstrap a table with no rows. Count at least one row first.", nameof(table));
        }

        if (resamples < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "A percentile interval needs at least 2 resamples; 1000 is typical.");
        }

        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must lie strictly between 0 and 1, e.g. 0.95.");
        }

        if (metrics.Count == 0)
        {
            throw new ArgumentException("No metrics given: pass at least one function to bootstrap.", nameof(metrics));
        }

        // A private copy: the caller's list is read once, not concurrently by the replicate loop.
        var functions = new Func<ContingencyTable, double>[metrics.Count];
        for (var m = 0; m < functions.Length; m++)
        {
            functions[m] = metrics[m] ?? throw new ArgumentNullException(
                nameof(metrics), $"Metric {m} is null; pass a function that computes the metric from a table.");
        }

        return functions;
    }

    /// <summary>values[metric][replicate]: every metric on every replicate.</summary>
    private static double[][] Replicates(
        ContingencyTable table, Func<ContingencyTable, double>[] metrics, int resamples, ulong seed, int maxDegreeOfParallelism, bool poissonSampler)
    {
        var weights = table.CellCounts.ToArray();
        var sampler = poissonSampler ? new PoissonizedMultinomial(weights, table.RowCount) : null;
        var rows = table.RowCount;
        var values = new double[metrics.Length][];
        for (var m = 0; m < metrics.Length; m++)
        {
            values[m] = new double[resamples];
        }

        try
        {
            ForEachReplicate(
                resamples,
                maxDegreeOfParallelism,
                () => (Counts: new long[weights.Length], Slots: new long[sampler?.SlotCells.Length ?? 0]),
                (buffers, replicate) =>
                {
                    var (counts, slots) = buffers;
                    var rng = Xoshiro256StarStar.ForStream(seed, (ulong)replicate);
                    if (sampler is not null)
                    {
                        sampler.Sample(ref rng, counts, slots);
                    }
                    else
                    {
                        Multinomial.Sample(ref rng, rows, weights, counts);
                    }

                    var resampled = table.WithCounts(counts);
                    for (var m = 0; m < metrics.Length; m++)
                    {
                        values[m][replicate] = metrics[m](resampled);
                    }
                });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // A metric failed: surface its own exception, not the parallel loop's wrapper.
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }

        return values;
    }

    /// <summary>values[metric][replicate] by the fast path; E[MI] is computed once per replicate, and only if AMI is asked for.</summary>
    private static double[][] FastReplicates(
        ContingencyTable table, BootstrapMetric[] metrics, int resamples, ulong seed, int maxDegreeOfParallelism)
    {
        var sampler = new PoissonizedMultinomial(table.CellCounts, table.RowCount);
        var needsEmi = metrics.Any(m => m.Kind == BootstrapMetricKind.AdjustedMutualInformation);
        var values = new double[metrics.Length][];
        for (var m = 0; m < metrics.Length; m++)
        {
            values[m] = new double[resamples];
        }

        // Each worker has its own scratch space; the per-cell layout is shared.
        var first = new ReplicateStatistics(table, sampler);
        var workers = 0;
        ForEachReplicate(
            resamples,
            maxDegreeOfParallelism,
            () => Interlocked.Increment(ref workers) == 1 ? first : first.ForAnotherWorker(),
            (statistics, replicate) =>
            {
                var rng = Xoshiro256StarStar.ForStream(seed, (ulong)replicate);
                statistics.Draw(ref rng);
                var emi = needsEmi ? statistics.ExpectedMutualInformation() : double.NaN;
                for (var m = 0; m < metrics.Length; m++)
                {
                    values[m][replicate] = statistics.Evaluate(metrics[m], emi);
                }
            });
        return values;
    }

    /// <summary>
    /// Runs <paramref name="replicate"/> for 0 to <paramref name="resamples"/> − 1 on one worker per
    /// core (at most <paramref name="maxDegreeOfParallelism"/>, -1: no limit), each with the state
    /// <paramref name="workerState"/> makes for it, taking the next number until none is left. A
    /// replicate writes only its own results, so they do not depend on scheduling; an exception in
    /// one worker stops the others.
    /// </summary>
    private static void ForEachReplicate<TState>(int resamples, int maxDegreeOfParallelism, Func<TState> workerState, Action<TState, int> replicate)
    {
        var workers = Math.Min(resamples, maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount);
        var next = -1;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, (_, loop) =>
        {
            var state = workerState();
            int number;
            while (!loop.ShouldExitCurrentIteration && (number = Interlocked.Increment(ref next)) < resamples)
            {
                replicate(state, number);
            }
        });
    }

    /// <summary>Reports the first NaN in (replicate, metric) order, so the message is the same on every run.</summary>
    private static void ThrowOnNaN(double[][] values, ulong seed)
    {
        var resamples = values[0].Length;
        for (var r = 0; r < resamples; r++)
        {
            for (var m = 0; m < values.Length; m++)
            {
                if (double.IsNaN(values[m][r]))
                {
                    throw new InvalidOperationException(
                        $"Metric {m} returned NaN on bootstrap replicate {r} (seed {seed}); a metric must return a number for every resampled table.");
                }
            }
        }
    }
}
