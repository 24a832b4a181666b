using System.Runtime.ExceptionServices;
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

        var (reference, table, elapsed) = ScoreAgainstReference(options, progress, cancellationToken);
        var metrics = MetricSet.From(table);
        var rules = ThresholdEvaluator.Evaluate(options.Thresholds, metrics);
        var verdict = ThresholdEvaluator.Combine(rules);
        var failedOnWarn = checkOptions.FailOnWarn && verdict == Verdict.Warn;
        return new GateResult(
            options.Name.Value,
            reference.Name,
            table.RowCount,
            metrics,
            table,
            rules,
            failedOnWarn ? Verdict.Fail : verdict,
            failedOnWarn,
            elapsed);
    }

    /// <summary>
    /// Resolves the reference and scores the candidate, then joins them by id into the contingency
    /// table. The version is found first (an empty registry or unknown version fails at once); its
    /// partition is hashed and read on another thread while scoring runs, and its errors win over
    /// scoring's, as if it had been read first.
    /// </summary>
    internal static (RegistryVersion Reference, ContingencyTable Table, TimeSpan Elapsed) ScoreAgainstReference(
        GateOptions options, IProgress<ScoringProgress>? progress, CancellationToken cancellationToken)
    {
        var (version, load) = ReferenceRegistry.PrepareForCheck(options);
        var request = Request(options);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var referenceTask = Task.Run(() =>
        {
            try
            {
                return load();
            }
            catch
            {
                stop.Cancel(); // scoring a candidate for an unusable reference is wasted time
                throw;
            }
        });

        ScoredPartition? scored = null;
        ExceptionDispatchInfo? scoringError = null;
        try
        {
            scored = PartitionScorer.Score(request, progress, stop.Token);
        }
        catch (Exception error)
        {
            scoringError = ExceptionDispatchInfo.Capture(error);
        }

        var reference = referenceTask.GetAwaiter().GetResult();
        scoringError?.Throw();
        var rows = scored!.Rows;
        var table = reference.Hashed is { } hashed && !rows.HashCollision
            ? HashedAlignment.TryCount(hashed, rows.SortedHashes, rows.SortedKeys)
            : null;

        // By text when some id is on one side only (the error lists them with their lines) or ids share a hash.
        table ??= AlignedPartitions.Align(reference.Full().Partition, ScoredPartitionFactory.Create(request.DataPath, scored)).ToContingencyTable();
        return (version, table, scored.Elapsed);
    }

    /// <summary>Scores the configured model on the configured data; the partition's labels are the cluster keys as text.</summary>
    internal static (Partition Partition, TimeSpan Elapsed) Score(GateOptions options, IProgress<ScoringProgress>? progress, CancellationToken cancellationToken)
    {
        var request = Request(options);
        var scored = PartitionScorer.Score(request, progress, cancellationToken);
        return (ScoredPartitionFactory.Create(request.DataPath, scored), scored.Elapsed);
    }

    private static ScoringRequest Request(GateOptions options) =>
        new(options.Model.Path.Value, options.Data.Path.Value, options.Data.IdColumn.Value)
        {
            PredictedColumn = options.Model.PredictedColumn.Value,
            Separator = options.Data.Separator.Value,
            ColumnMap = options.Data.Columns.Count == 0
                ? null
                : options.Data.Columns.ToDictionary(c => c.Key, c => c.Value.Value, StringComparer.Ordinal),
        };
}
