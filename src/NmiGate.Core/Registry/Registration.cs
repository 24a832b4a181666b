using NmiGate.Core.Configuration;
using NmiGate.Core.Gating;
using NmiGate.Core.Metrics;
using NmiGate.Core.Partitions;
using NmiGate.Core.Scoring;

namespace NmiGate.Core.Registry;

/// <summary>
/// The one entry point of <c>register</c>: score the model (or read a labels file), compare with the
/// latest registered version when there is one, and write the next version with that comparison in
/// its manifest.
/// </summary>
public static class Registration
{
    /// <summary>Registers the next reference version of the gate in <paramref name="options"/>.</summary>
    /// <exception cref="Diagnostics.NmiGateException">
    /// The model or data cannot be scored, the labels file is malformed, the previous version cannot be
    /// trusted, or the version cannot be written.
    /// </exception>
    public static RegistrationResult Run(GateOptions options, RegistrationRequest request, IProgress<ScoringProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(request);
        var gate = options.Name.Value;
        var registry = ReferenceRegistry.Open(options.Reference.Registry.Value);

        Partition partition;
        RegistrationProvenance provenance;
        TimeSpan? elapsed = null;
        if (request.LabelsPath is { } labels)
        {
            partition = PartitionFile.Read(labels);
            provenance = new RegistrationProvenance(request.ToolVersion, ModelPath: null, DataPath: labels, request.Note);
        }
        else
        {
            (partition, var scoring) = GateCheck.Score(options, progress, cancellationToken);
            elapsed = scoring;
            provenance = new RegistrationProvenance(request.ToolVersion, options.Model.Path.Value, options.Data.Path.Value, request.Note);
        }

        // The previous version is read through Resolve, so a tampered one stops the registration.
        var previous = registry.List(gate).Count > 0 ? registry.Resolve(gate, ReferenceOptions.Latest) : null;
        MetricSet? metrics = null;
        string? skipped = null;
        if (previous is not null)
        {
            try
            {
                metrics = MetricSet.From(AlignedPartitions.Align(previous.Partition, partition).ToContingencyTable());
            }
            catch (NmiGateInputException mismatch)
            {
                // A new reference may cover other rows (a new held-out set); it is registered without a comparison.
                skipped = mismatch.Message;
            }
        }

        var comparison = metrics is null ? null : RegistrationComparison.From(previous!.Version.Name, metrics);
        var version = registry.Register(gate, partition, provenance, comparison);
        return new RegistrationResult(version, previous?.Version, metrics, skipped, elapsed);
    }
}
