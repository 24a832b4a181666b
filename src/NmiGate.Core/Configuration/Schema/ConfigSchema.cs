using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Configuration.Schema;

/// <summary>
/// The declarative schema of <c>nmigate.yml</c> version 1. Everything that reads, merges, validates or
/// documents the configuration walks this tree; <c>schemas/nmigate.schema.json</c> is kept in step with
/// it by a test. To add a key, declare it here and bind it in <see cref="GateOptionsBuilder"/>.
/// </summary>
internal static class ConfigSchema
{
    /// <summary>The only configuration format version this build reads.</summary>
    public const long SupportedVersion = 1;

    /// <summary>The names of the average methods, as in scikit-learn's <c>average_method</c>.</summary>
    public static IReadOnlyList<string> AverageNames { get; } = ["min", "geometric", "arithmetic", "max"];

    /// <summary>The names of <c>confidence.gate-on</c>.</summary>
    public static IReadOnlyList<string> GateOnNames { get; } = ["point", "interval"];

    /// <summary>The names of <c>report.charts</c>.</summary>
    public static IReadOnlyList<string> ChartNames { get; } = ["none", "mermaid"];

    /// <summary>The root mapping.</summary>
    public static ObjectSchema Root { get; } = new(
    [
        new("version", new ScalarSchema(ScalarKind.WholeNumber) { Const = SupportedVersion, ConstCode = DiagnosticCode.UnsupportedVersion }, Required: true),
        new("name", new ScalarSchema(ScalarKind.Text)
        {
            Pattern = "^[a-z0-9-]+$",
            PatternCode = DiagnosticCode.InvalidGateName,
            PatternHint = "lower-case letters, digits and dashes (e.g. `customer-segments`)",
        }, Required: true),
        new("model", new ObjectSchema(
        [
            new("path", new ScalarSchema(ScalarKind.Path) { MinLength = 1 }, Required: true),
            new("predicted-column", new ScalarSchema(ScalarKind.Text) { MinLength = 1 }, Default: ModelOptions.DefaultPredictedColumn),
        ]), Required: true),
        new("data", new ObjectSchema(
        [
            new("path", new ScalarSchema(ScalarKind.Path) { MinLength = 1 }, Required: true),
            new("id-column", new ScalarSchema(ScalarKind.Text) { MinLength = 1 }, Required: true),
            new("separator", new ScalarSchema(ScalarKind.Text) { MinLength = 1, MaxLength = 1 }),
            new("columns", new MapSchema(new ListSchema(new ScalarSchema(ScalarKind.Text) { MinLength = 1 }, MinItems: 1))),
        ]), Required: true),
        new("reference", new ObjectSchema(
        [
            new("registry", new ScalarSchema(ScalarKind.Path) { MinLength = 1 }, Default: ".nmigate"),
            new("version", new ScalarSchema(ScalarKind.Text)
            {
                Pattern = "^(latest|v[1-9][0-9]*)$",
                PatternHint = "`latest` or a registered version such as `v3`",
            }, Default: ReferenceOptions.Latest),
        ])),
        new("thresholds", new ObjectSchema(
            [.. GateMetricNames.All.Select(MetricKey), new("max-drop", MaxDrop())],
            UnknownKeyCode: DiagnosticCode.UnknownName,
            KeyNoun: "metric") { MinKeys = 1 }, Required: true),
        new("confidence", new ObjectSchema(
        [
            // Below 0.5 an "interval" says little; 1 is no percentile interval at all.
            new("level", new ScalarSchema(ScalarKind.Number) { Minimum = 0.5, Maximum = 0.999 }, Default: 0.95),
            new("resamples", new ScalarSchema(ScalarKind.WholeNumber) { Minimum = 100, Maximum = 100_000 }, Default: 1000L),
            new("seed", new ScalarSchema(ScalarKind.WholeNumber) { Minimum = 0 }, Default: 0L),
            new("gate-on", new ScalarSchema(ScalarKind.Text) { Allowed = GateOnNames, ValueNoun = "gate-on mode" }, Default: "point"),
        ])),
        new("slices", new ListSchema(
            new ObjectSchema(
            [
                new("column", new ScalarSchema(ScalarKind.Text) { MinLength = 1 }, Required: true),
                new("min-rows", new ScalarSchema(ScalarKind.WholeNumber) { Minimum = 1, Maximum = int.MaxValue }, Default: (long)SliceOptions.DefaultMinRows),
                .. GateMetricNames.All.Select(MetricKey),
            ]),
            MinItems: 1)),
        new("report", new ObjectSchema(
        [
            new("charts", new ScalarSchema(ScalarKind.Text) { Allowed = ChartNames, ValueNoun = "chart kind" }, Default: "none"),
        ])),
    ]);

    /// <summary>The schema node at a dotted key path (e.g. <c>thresholds.nmi.fail-below</c>), through fixed-key mappings only.</summary>
    public static SchemaNode? Find(string path) => FindKey(path)?.Node;

    /// <summary>The key declaration at a dotted key path, through fixed-key mappings only.</summary>
    public static KeySchema? FindKey(string path)
    {
        SchemaNode node = Root;
        KeySchema? key = null;
        foreach (var segment in path.Split('.'))
        {
            if (node is not ObjectSchema mapping || mapping.Find(segment) is not { } found)
            {
                return null;
            }

            key = found;
            node = found.Node;
        }

        return key;
    }

    /// <summary><c>thresholds.max-drop</c>: per metric, the largest fall allowed below the last recorded result.</summary>
    private static ObjectSchema MaxDrop() => new(
        GateMetricNames.All.Select(metric => new KeySchema(
            metric.ToName(),
            // ARI spans [-1, 1], so it can fall by up to 2; every other gated metric by up to 1.
            new ScalarSchema(ScalarKind.Number) { Minimum = 0.0, Maximum = metric == GateMetric.Ari ? 2.0 : 1.0 })).ToArray(),
        UnknownKeyCode: DiagnosticCode.UnknownName,
        KeyNoun: "metric")
    { MinKeys = 1 };

    private static KeySchema MetricKey(GateMetric metric)
    {
        // ARI is chance-adjusted and can be negative; every other gated metric lies in [0, 1].
        var minimum = metric == GateMetric.Ari ? -1.0 : 0.0;
        var bound = new ScalarSchema(ScalarKind.Number) { Minimum = minimum, Maximum = 1.0 };
        var keys = new List<KeySchema>();
        if (metric.TakesAverage())
        {
            keys.Add(new("average", new ScalarSchema(ScalarKind.Text) { Allowed = AverageNames, ValueNoun = "average method" }, Default: "arithmetic"));
        }

        keys.Add(new("fail-below", bound));
        keys.Add(new("warn-below", bound));
        return new(metric.ToName(), new ObjectSchema(keys) { RequireAnyOf = ["fail-below", "warn-below"] });
    }
}
