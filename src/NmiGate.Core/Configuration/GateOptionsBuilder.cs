using System.Collections.ObjectModel;
using NmiGate.Core.Configuration.Schema;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Configuration;

/// <summary>
/// Builds <see cref="GateOptions"/> with the one precedence rule every host shares:
/// schema defaults &lt; <c>nmigate.yml</c> &lt; host overrides (later overrides win over earlier ones).
/// Reads the file, merges the layers, validates, and binds; all problems are returned together.
/// </summary>
public sealed class GateOptionsBuilder
{
    private readonly string configurationFile;
    private readonly List<GateOverrides> overrides = [];

    private GateOptionsBuilder(string configurationFile) => this.configurationFile = configurationFile;

    /// <summary>Starts a build from the configuration file at <paramref name="configurationFile"/> (read by <see cref="Build"/>).</summary>
    public static GateOptionsBuilder ForFile(string configurationFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(configurationFile);
        return new GateOptionsBuilder(configurationFile);
    }

    /// <summary>Adds a layer of host overrides over the file (and over any earlier overrides).</summary>
    public GateOptionsBuilder WithOverrides(GateOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        this.overrides.Add(overrides);
        return this;
    }

    /// <summary>Reads, merges, validates and binds. Never throws for bad configuration: problems are in the result.</summary>
    public ConfigurationResult Build()
    {
        var file = ConfigFileReader.Read(configurationFile);
        var overrideProblems = new List<ConfigurationProblem>();
        var layers = new List<ConfigLayer> { file.Values };
        layers.AddRange(overrides.Select(o => o.ToLayer(overrideProblems)));
        var merged = ConfigLayer.Overlay(layers);

        var problems = new List<ConfigurationProblem>(file.Problems);
        if (file.IsParsed)
        {
            problems.AddRange(GateOptionsValidator.Validate(merged, file.Path));
        }

        problems.AddRange(overrideProblems);
        if (problems.Count > 0)
        {
            var ordered = problems
                .OrderBy(p => string.Equals(p.File, file.Path, StringComparison.Ordinal) ? 0 : 1)
                .ThenBy(p => p.Line)
                .ThenBy(p => p.Column)
                .ToList();
            return new ConfigurationResult(
                null,
                ordered.Take(ConfigurationResult.MaxProblems).ToList(),
                Math.Max(0, ordered.Count - ConfigurationResult.MaxProblems));
        }

        return new ConfigurationResult(Bind(merged, file), []);
    }

    /// <summary>Like <see cref="Build"/>, but throws a <see cref="ConfigurationException"/> carrying every problem.</summary>
    public GateOptions BuildOrThrow()
    {
        var result = Build();
        return result.Options ?? throw new ConfigurationException(result.Problems, result.OmittedProblemCount);
    }

    /// <summary>The separator a data file's extension implies, or <see langword="null"/>.</summary>
    internal static char? SeparatorFor(string dataPath) => Path.GetExtension(dataPath).ToLowerInvariant() switch
    {
        ".csv" => ',',
        ".tsv" => '\t',
        _ => null,
    };

    private static GateOptions Bind(ConfigLayer merged, ConfigFile file)
    {
        var dataPath = Text("data.path");
        var separator = merged.TryGet("data.separator", out var sep)
            ? new Sourced<char>(((string)sep.Value)[0], sep.Source)
            : new Sourced<char>(SeparatorFor(dataPath.Value)!.Value, ValueSource.Default);
        var registry = Text("reference.registry");
        if (registry.Source.Origin == ValueOrigin.Default)
        {
            registry = registry with { Value = Path.GetFullPath(Path.Combine(file.Directory, registry.Value)) };
        }

        var version = Get("version");
        return new GateOptions(
            file.Path,
            new Sourced<int>((int)(long)version.Value, version.Source),
            Text("name"),
            new ModelOptions(Text("model.path"), Text("model.predicted-column")),
            new DataOptions(dataPath, Text("data.id-column"), separator, Columns()),
            new ReferenceOptions(registry, Text("reference.version")),
            new ThresholdOptions(Thresholds()));

        Sourced<object> Get(string path)
        {
            if (merged.TryGet(path, out var entry))
            {
                return new(entry.Value, entry.Source);
            }

            var declared = ConfigSchema.FindKey(path)?.Default
                ?? throw new InvalidOperationException($"No value and no default for {path}; the validator should have reported it.");
            return new(declared, ValueSource.Default);
        }

        Sourced<string> Text(string path)
        {
            var value = Get(path);
            return new((string)value.Value, value.Source);
        }

        Sourced<double>? Number(string path) =>
            merged.TryGet(path, out var entry) ? new Sourced<double>((double)entry.Value, entry.Source) : null;

        IReadOnlyDictionary<string, Sourced<IReadOnlyList<string>>> Columns()
        {
            var columns = new Dictionary<string, Sourced<IReadOnlyList<string>>>(StringComparer.Ordinal);
            if (merged.TryGet("data.columns", out var entry))
            {
                foreach (var (name, value) in (IReadOnlyList<KeyValuePair<string, ConfigEntry>>)entry.Value)
                {
                    var sources = ((IReadOnlyList<ConfigEntry>)value.Value).Select(item => (string)item.Value).ToArray();
                    columns.Add(name, new(Array.AsReadOnly(sources), value.Source));
                }
            }

            return new ReadOnlyDictionary<string, Sourced<IReadOnlyList<string>>>(columns);
        }

        IReadOnlyDictionary<GateMetric, MetricThreshold> Thresholds()
        {
            var thresholds = new Dictionary<GateMetric, MetricThreshold>();
            foreach (var entry in merged.Entries)
            {
                if (!entry.Path.StartsWith("thresholds.", StringComparison.Ordinal)
                    || entry.Value is not ConfigSection
                    || !GateMetricNames.TryParse(entry.Path["thresholds.".Length..], out var metric))
                {
                    continue;
                }

                var prefix = entry.Path;
                Sourced<AverageMethod>? average = null;
                if (metric.TakesAverage())
                {
                    var name = Text($"{prefix}.average");
                    average = new Sourced<AverageMethod>(ParseAverage(name.Value), name.Source);
                }

                thresholds.Add(metric, new MetricThreshold(metric, average, Number($"{prefix}.fail-below"), Number($"{prefix}.warn-below"), entry.Source));
            }

            return new ReadOnlyDictionary<GateMetric, MetricThreshold>(thresholds);
        }
    }

    private static AverageMethod ParseAverage(string name) => name switch
    {
        "min" => AverageMethod.Min,
        "geometric" => AverageMethod.Geometric,
        "arithmetic" => AverageMethod.Arithmetic,
        "max" => AverageMethod.Max,
        _ => throw new InvalidOperationException($"Unvalidated average method `{name}`."),
    };
}
