using System.Collections.ObjectModel;
using NmiGate.Core.Configuration.Schema;
using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Configuration;

/// <summary>
/// Values a host sets over <c>nmigate.yml</c> (CLI flags such as <c>--data</c> or <c>--reference-version</c>,
/// MSBuild properties, Action inputs). They win over the file; <see langword="null"/> leaves the file's
/// value. They are checked against the same schema as the file, and their problems name <see cref="Origin"/>.
/// </summary>
public sealed record GateOverrides
{
    /// <summary>The folder relative override paths resolve against (the working folder for a CLI, the project folder for MSBuild).</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>Names the host in messages and <see cref="ValueSource"/>s, e.g. <c>command line</c> or <c>MSBuild</c>.</summary>
    public string Origin { get; init; } = "override";

    /// <summary>Overrides <c>name</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Overrides <c>model.path</c>.</summary>
    public string? ModelPath { get; init; }

    /// <summary>Overrides <c>model.predicted-column</c>.</summary>
    public string? PredictedColumn { get; init; }

    /// <summary>Overrides <c>data.path</c>.</summary>
    public string? DataPath { get; init; }

    /// <summary>Overrides <c>data.id-column</c>.</summary>
    public string? IdColumn { get; init; }

    /// <summary>Overrides <c>data.separator</c>.</summary>
    public string? Separator { get; init; }

    /// <summary>Overrides <c>reference.registry</c>.</summary>
    public string? ReferenceRegistry { get; init; }

    /// <summary>Overrides <c>reference.version</c>.</summary>
    public string? ReferenceVersion { get; init; }

    /// <summary>Overrides per metric; a metric absent from the file is added.</summary>
    public IReadOnlyDictionary<GateMetric, ThresholdOverride> Thresholds { get; init; } =
        ReadOnlyDictionary<GateMetric, ThresholdOverride>.Empty;

    /// <summary>The overrides as a layer, checked against the schema; refused values become problems.</summary>
    internal ConfigLayer ToLayer(List<ConfigurationProblem> problems)
    {
        var layer = new ConfigLayer();
        var source = ValueSource.Override(Origin);
        Add("name", Name);
        Add("model.path", ModelPath);
        Add("model.predicted-column", PredictedColumn);
        Add("data.path", DataPath);
        Add("data.id-column", IdColumn);
        Add("data.separator", Separator);
        Add("reference.registry", ReferenceRegistry);
        Add("reference.version", ReferenceVersion);
        foreach (var (metric, threshold) in Thresholds)
        {
            var prefix = $"thresholds.{metric.ToName()}";
            layer.MarkSection("thresholds", source);
            layer.MarkSection(prefix, source);
            Add($"{prefix}.fail-below", threshold.FailBelow);
            Add($"{prefix}.warn-below", threshold.WarnBelow);
            if (threshold.Average is { } average)
            {
                if (metric.TakesAverage())
                {
                    Add($"{prefix}.average", average.ToString().ToLowerInvariant());
                }
                else
                {
                    problems.Add(new(DiagnosticCode.UnknownKey, Origin, 0, 0, $"{prefix}: `{metric.ToName()}` takes no average method; only nmi and ami do"));
                }
            }
        }

        return layer;

        void Add(string path, object? value)
        {
            if (value is null)
            {
                return;
            }

            var schema = (ScalarSchema)(ConfigSchema.Find(path) ?? throw new InvalidOperationException($"Override of undeclared key {path}."));
            var violations = schema.Check(value).ToList();
            foreach (var violation in violations)
            {
                problems.Add(new(violation.Code, Origin, 0, 0, $"{path}: {violation.Message}", violation.Suggestion));
            }

            if (violations.Count > 0)
            {
                layer.Reject(path);
                return;
            }

            if (schema.Kind == ScalarKind.Path)
            {
                try
                {
                    value = System.IO.Path.GetFullPath(System.IO.Path.Combine(BaseDirectory, (string)value));
                }
                catch (Exception error) when (error is ArgumentException or NotSupportedException or System.IO.PathTooLongException)
                {
                    problems.Add(new(DiagnosticCode.InvalidValue, Origin, 0, 0, $"{path}: `{value}` is not a valid path ({error.Message})"));
                    layer.Reject(path);
                    return;
                }
            }

            for (var dot = path.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = path.IndexOf('.', dot + 1))
            {
                layer.MarkSection(path[..dot], source);
            }

            layer.Set(path, value, source);
        }
    }
}
