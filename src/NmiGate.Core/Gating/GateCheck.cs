using NmiGate.Core.Configuration;
using NmiGate.Core.Metrics;
using NmiGate.Core.Partitions;
using NmiGate.Core.Registry;
using NmiGate.Core.Scoring;

namespace NmiGate.Core.Gating;

/// <summary>
/// The one entry point of a gate check, shared by every host: resolve the registered reference,
/// score the model on the held-out data, align both partitions by id, compute the metrics and
/// apply the thresholds.
/// </summary>
public static class GateCheck
{
    /// <summary>Runs the gate described by <paramref name="options"/>.</summary>
    /// <exception cref="Diagnostics.NmiGateException">
    /// The gate could not be evaluated: the reference cannot be resolved or trusted
    /// (<see cref="RegistryException"/>), the model or data cannot be scored (<see cref="ScoringException"/>),
    /// or the ids of the two sides differ (<see cref="NmiGateInputException"/> with counts and examples).
    /// </exception>
    public static GateResult Run(GateOptions options, GateCheckOptions? checkOptions = null, IProgress<ScoringProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        checkOptions ??= GateCheckOptions.Default;

        // The reference first: an empty or tampered registry is reported before minutes of scoring.
        var reference = ReferenceRegistry.Resolve(options);
        var (candidate, elapsed) = Score(options, progress, cancellationToken);
        var table = AlignedPartitions.Align(reference.Partition, candidate).ToContingencyTable();
        var metrics = MetricSet.From(table);
        var rules = ThresholdEvaluator.Evaluate(options.Thresholds, metrics);
        var verdict = ThresholdEvaluator.Combine(rules);
        var failedOnWarn = checkOptions.FailOnWarn && verdict == Verdict.Warn;
        return new GateResult(
            options.Name.Value,
            reference.Version.Name,
            table.RowCount,
            metrics,
            table,
            rules,
            failedOnWarn ? Verdict.Fail : verdict,
            failedOnWarn,
            elapsed);
    }

    /// <summary>Scores the configured model on the configured data; the partition's labels are the cluster keys as text.</summary>
    internal static (Partition Partition, TimeSpan Elapsed) Score(GateOptions options, IProgress<ScoringProgress>? progress, CancellationToken cancellationToken)
    {
        var request = new ScoringRequest(options.Model.Path.Value, options.Data.Path.Value, options.Data.IdColumn.Value)
        {
            PredictedColumn = options.Model.PredictedColumn.Value,
            Separator = options.Data.Separator.Value,
            ColumnMap = options.Data.Columns.Count == 0
                ? null
                : options.Data.Columns.ToDictionary(c => c.Key, c => c.Value.Value, StringComparer.Ordinal),
        };
        var scored = PartitionScorer.Score(request, progress, cancellationToken);
        return (ScoredPartitionFactory.Create(request.DataPath, scored), scored.Elapsed);
    }
}
