using System.Collections.ObjectModel;
using NmiGate.Core.Configuration.Schema;
using NmiGate.Core.Metrics;
using NmiGate.Core.Reporting;

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
            Thresholds(merged, "thresholds") with { MaxDrop = MaxDrop() })
        {
            Confidence = Confidence(),
            Slices = Slices(),
            Report = Report(),
        };

        Sourced<object> Get(string path) => GetIn(merged, path, path);

        Sourced<string> Text(string path)
        {
            var value = Get(path);
            return new((string)value.Value, value.Source);
        }

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

        IReadOnlyDictionary<GateMetric, Sourced<double>> MaxDrop()
        {
            var drops = new Dictionary<GateMetric, Sourced<double>>();
            foreach (var metric in GateMetricNames.All)
            {
                if (merged.TryGet($"thresholds.max-drop.{metric.ToName()}", out var entry))
                {
                    drops.Add(metric, new((double)entry.Value, entry.Source));
                }
            }

            return new ReadOnlyDictionary<GateMetric, Sourced<double>>(drops);
        }

        ConfidenceOptions? Confidence()
        {
            if (!merged.TryGet("confidence", out var section))
            {
                return null;
            }

            var level = Get("confidence.level");
            var resamples = Get("confidence.resamples");
            var seed = Get("confidence.seed");
            var gateOn = Text("confidence.gate-on");
            return new ConfidenceOptions(
                new((double)level.Value, level.Source),
                new((int)(long)resamples.Value, resamples.Source),
                new((ulong)(long)seed.Value, seed.Source),
                new(gateOn.Value == "interval" ? GateOn.Interval : GateOn.Point, gateOn.Source),
                section.Source);
        }

        ReportOptions? Report()
        {
            if (!merged.TryGet("report", out var section))
            {
                return null;
            }

            var charts = Text("report.charts");
            return new ReportOptions(new(charts.Value == "mermaid" ? ReportCharts.Mermaid : ReportCharts.None, charts.Source), section.Source);
        }

        IReadOnlyList<SliceOptions> Slices()
        {
            if (!merged.TryGet("slices", out var entry))
            {
                return [];
            }

            var slices = new List<SliceOptions>();
            foreach (var item in (IReadOnlyList<ConfigEntry>)entry.Value)
            {
                var layer = (ConfigLayer)item.Value;
                var column = GetIn(layer, $"{item.Path}.column", "slices.column");
                var minRows = GetIn(layer, $"{item.Path}.min-rows", "slices.min-rows");
                slices.Add(new SliceOptions(
                    new((string)column.Value, column.Source),
                    new((int)(long)minRows.Value, minRows.Source),
                    Thresholds(layer, item.Path),
                    item.Source));
            }

            return slices.AsReadOnly();
        }
    }

    /// <summary>The value at <paramref name="path"/> in <paramref name="layer"/>, or the default declared at <paramref name="schemaPath"/>.</summary>
    private static Sourced<object> GetIn(ConfigLayer layer, string path, string schemaPath)
    {
        if (layer.TryGet(path, out var entry))
        {
            return new(entry.Value, entry.Source);
        }

        var declared = FindDefault(schemaPath)
            ?? throw new InvalidOperationException($"No value and no default for {path}; the validator should have reported it.");
        return new(declared, ValueSource.Default);
    }

    /// <summary>The declared default at a key path; <c>slices.x</c> looks inside the <c>slices</c> item schema.</summary>
    private static object? FindDefault(string schemaPath)
    {
        const string SlicePrefix = "slices.";
        if (!schemaPath.StartsWith(SlicePrefix, StringComparison.Ordinal))
        {
            return ConfigSchema.FindKey(schemaPath)?.Default;
        }

        var item = (ObjectSchema)((ListSchema)ConfigSchema.Find("slices")!).Items;
        return item.Find(schemaPath[SlicePrefix.Length..])?.Default;
    }

    /// <summary>The metric thresholds under <paramref name="prefix"/> (<c>thresholds</c> or a <c>slices[i]</c> item), in file order.</summary>
    private static ThresholdOptions Thresholds(ConfigLayer layer, string prefix)
    {
        var thresholds = new Dictionary<GateMetric, MetricThreshold>();
        var start = prefix + ".";
        foreach (var entry in layer.Entries)
        {
            if (!entry.Path.StartsWith(start, StringComparison.Ordinal)
                || entry.Value is not ConfigSection
                || !GateMetricNames.TryParse(entry.Path[start.Length..], out var metric))
            {
                continue;
            }

            var path = entry.Path;
            Sourced<AverageMethod>? average = null;
            if (metric.TakesAverage())
            {
                average = layer.TryGet($"{path}.average", out var name)
                    ? new Sourced<AverageMethod>(ParseAverage((string)name.Value), name.Source)
                    : new Sourced<AverageMethod>(AverageMethod.Arithmetic, ValueSource.Default);
            }

            thresholds.Add(metric, new MetricThreshold(metric, average, Number($"{path}.fail-below"), Number($"{path}.warn-below"), entry.Source));
        }

        return new ThresholdOptions(new ReadOnlyDictionary<GateMetric, MetricThreshold>(thresholds));

        Sourced<double>? Number(string path) =>
            layer.TryGet(path, out var entry) ? new Sourced<double>((double)entry.Value, entry.Source) : null;
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
