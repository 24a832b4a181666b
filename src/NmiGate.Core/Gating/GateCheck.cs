using System.Reflection;
using System.Runtime.ExceptionServices;
using NmiGate.Core.Configuration;
using NmiGate.Core.Diff;
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
    /// the ids of the two sides differ (<see cref="NmiGateInputException"/> with counts and examples), a slice
    /// column is missing or the history is corrupted (<see cref="GateException"/>).
    /// </exception>
    public static GateResult Run(GateOptions options, GateCheckOptions? checkOptions = null, IProgress<ScoringProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        checkOptions ??= GateCheckOptions.Default;
        var started = DateTime.UtcNow;

        // Everything that can refuse the check cheaply comes first: an empty registry or unknown
        // version, a corrupted history, a missing slice column are reported before minutes of scoring.
        var (version, loadReference) = ReferenceRegistry.PrepareForCheck(options);
        var historyPath = GateHistory.PathFor(options.Reference.Registry.Value, options.Name.Value);
        var history = options.Thresholds.MaxDrop.Count > 0 || checkOptions.Record ? GateHistory.Read(historyPath) : [];
        var previous = GateHistory.LastFor(history, version.Name);
        var sliceColumns = SliceColumnReader.Read(options, cancellationToken);

        // Provenance: the data file is hashed from the bytes scoring reads (one pass over it, and
        // the very bytes scored); the model is small.
        var (table, aligned, elapsed, dataSha256, movedIdSampler) = ScoreAgainstReference(options, loadReference, keepAligned: sliceColumns is not null || checkOptions.KeepRows, progress, cancellationToken);
        var modelSha256 = Sha256.OfFile(options.Model.Path.Value);
        var slices = sliceColumns is null || aligned is null ? [] : sliceColumns.Split(aligned.Ids, aligned.ReferenceLabels, aligned.CandidateLabels);
        var evaluation = GateEvaluator.Evaluate(options, version.Name, table, slices, previous);

        var failedOnWarn = checkOptions.FailOnWarn && evaluation.Verdict == Verdict.Warn;
        var provenance = new GateProvenance(
            modelSha256,
            dataSha256,
            version.Manifest.PartitionSha256,
            version.Name,
            GitCommit.TryRead(options.Reference.Registry.Value),
            started,
            ToolVersion,
            options.Confidence?.Seed.Value);
        var result = new GateResult(
            options.Name.Value,
            version.Name,
            table.RowCount,
            evaluation.Metrics ?? MetricSet.From(table),
            table,
            evaluation.Rules,
            failedOnWarn ? Verdict.Fail : evaluation.Verdict,
            failedOnWarn,
            elapsed)
        {
            ConfigurationFile = options.ConfigurationFile,
            Findings = evaluation.Findings,
            Slices = evaluation.Slices,
            Confidence = options.Confidence,
            Intervals = evaluation.Intervals,
            PreviousRecord = previous,
            Provenance = provenance,
            Report = options.Report,
            Aligned = checkOptions.KeepRows || (checkOptions.SampleMovedIds && movedIdSampler is null) ? aligned : null,
            MovedIdSampler = checkOptions.SampleMovedIds && aligned is null ? movedIdSampler : null,
        };

        if (checkOptions.Record)
        {
            GateHistory.Append(historyPath, HistoryEntry.From(result, provenance));
            result = result with { RecordedTo = historyPath };
        }

        return result;
    }

    /// <summary>The NmiGate version recorded in provenance and history.</summary>
    public static string ToolVersion { get; } =
        typeof(GateCheck).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// Scores the candidate and joins it by id with the reference into the contingency table. The
    /// reference partition is hashed and read on another thread while scoring runs, and its errors
    /// win over scoring's, as if it had been read first. With <paramref name="keepAligned"/> (slices
    /// and moved-id samples need each row's labels) the rows are also aligned by text.
    /// </summary>
    internal static (ContingencyTable Table, AlignedPartitions? Aligned, TimeSpan Elapsed, string DataSha256, Func<ClusterDiff, int, ulong, IReadOnlyList<MovedIdSample>>? MovedIdSampler) ScoreAgainstReference(
        GateOptions options, Func<CheckReference> load, bool keepAligned, IProgress<ScoringProgress>? progress, CancellationToken cancellationToken)
    {
        var request = Request(options) with { HashData = true };
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
        var dataSha256 = scored.DataSha256!;
        var table = !keepAligned && reference.Hashed is { } hashed && !rows.HashCollision
            ? HashedAlignment.TryCount(hashed, rows.SortedHashes, rows.SortedKeys)
            : null;
        if (table is not null)
        {
            // Moved-id samples, should a report want them, come from the same join (no row kept).
            var hashedReference = reference.Hashed!;
            return (table, null, scored.Elapsed, dataSha256, (diff, perCluster, seed) => HashedMovedIds.Sample(hashedReference, rows, diff, perCluster, seed));
        }

        // By text when some id is on one side only (the error lists them with their lines), ids share a hash, or slices or a report need the rows.
        var aligned = AlignedPartitions.Align(reference.Full().Partition, ScoredPartitionFactory.Create(request.DataPath, scored));
        return (aligned.ToContingencyTable(), aligned, scored.Elapsed, dataSha256, null);
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
