using System.Reflection;
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
    /// the ids of the two sides differ (<see cref="NmiGateInputException"/> with counts and examples), a slice
    /// column is missing or the history is corrupted (<see cref="GateException"/>).
    /// </exception>
    public static GateResult Run(GateOptions options, GateCheckOptions? checkOptions = null, IProgress<ScoringProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        checkOptions ??= GateCheckOptions.Default;
        var started = DateTime.UtcNow;

        // Everything that can refuse the check cheaply comes first: an empty or tampered registry, a
        // corrupted history, a missing slice column are reported before minutes of scoring.
        var reference = ReferenceRegistry.Resolve(options);
        var historyPath = GateHistory.PathFor(options.Reference.Registry.Value, options.Name.Value);
        var history = options.Thresholds.MaxDrop.Count > 0 || checkOptions.Record ? GateHistory.Read(historyPath) : [];
        var previous = GateHistory.LastFor(history, reference.Version.Name);
        var sliceColumns = SliceColumnReader.Read(options, cancellationToken);

        var (candidate, elapsed) = Score(options, progress, cancellationToken);
        var aligned = AlignedPartitions.Align(reference.Partition, candidate);
        var table = aligned.ToContingencyTable();
        var slices = sliceColumns?.Split(aligned.Ids, aligned.ReferenceLabels, aligned.CandidateLabels) ?? [];
        var evaluation = GateEvaluator.Evaluate(options, reference.Version.Name, table, slices, previous);

        var failedOnWarn = checkOptions.FailOnWarn && evaluation.Verdict == Verdict.Warn;
        var provenance = new GateProvenance(
            Sha256.OfFile(options.Model.Path.Value),
            Sha256.OfFile(options.Data.Path.Value),
            reference.Manifest.PartitionSha256,
            reference.Version.Name,
            GitCommit.TryRead(options.Reference.Registry.Value),
            started,
            ToolVersion,
            options.Confidence?.Seed.Value);
        var result = new GateResult(
            options.Name.Value,
            reference.Version.Name,
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
