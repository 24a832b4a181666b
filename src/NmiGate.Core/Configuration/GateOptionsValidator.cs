using System.Globalization;
using NmiGate.Core.Configuration.Schema;
using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Configuration;

/// <summary>
/// The rules that span keys or look outside the file, applied once the layers are merged so an
/// override can satisfy them: required keys, at least one threshold per metric, <c>warn-below</c> not
/// under <c>fail-below</c>, and the model and data files existing. Returns every problem; never throws
/// for bad input.
/// </summary>
internal sealed class GateOptionsValidator
{
    private readonly ConfigLayer merged;
    private readonly string configurationFile;
    private readonly List<ConfigurationProblem> problems = [];

    private GateOptionsValidator(ConfigLayer merged, string configurationFile)
    {
        this.merged = merged;
        this.configurationFile = configurationFile;
    }

    /// <summary>Every problem with the merged configuration.</summary>
    public static IReadOnlyList<ConfigurationProblem> Validate(ConfigLayer merged, string configurationFile) =>
        Validate(merged, configurationFile, ConfigSchema.Root);

    /// <summary>Every problem, against another root schema (tests of the schema walk itself).</summary>
    internal static IReadOnlyList<ConfigurationProblem> Validate(ConfigLayer merged, string configurationFile, ObjectSchema root)
    {
        var validator = new GateOptionsValidator(merged, configurationFile);
        validator.CheckRequired(root, merged, string.Empty, ValueSource.InFile(configurationFile, 1, 1));
        validator.CheckWarnAboveFail();
        validator.CheckFileExists("model.path");
        validator.CheckFileExists("data.path");
        validator.CheckSeparator();
        return validator.problems;
    }

    /// <summary>
    /// Walks the schema: a present mapping must hold its required keys, at least one of its
    /// <see cref="ObjectSchema.RequireAnyOf"/> keys and at least <see cref="ObjectSchema.MinKeys"/> keys.
    /// A key that was given but refused (or mistyped) counts as given: its problem is already reported.
    /// </summary>
    private void CheckRequired(ObjectSchema schema, ConfigLayer layer, string path, ValueSource at)
    {
        string Child(string name) => path.Length == 0 ? name : $"{path}.{name}";
        var where = path.Length == 0 ? string.Empty : $" in `{path}`";
        foreach (var key in schema.Keys)
        {
            var childPath = Child(key.Name);
            if (!layer.IsGiven(childPath))
            {
                if (key.Required)
                {
                    Report(DiagnosticCode.MissingKey, at, $"missing required key `{key.Name}`{where}");
                }

                continue;
            }

            if (!layer.TryGet(childPath, out var entry))
            {
                continue; // given but refused: already reported
            }

            switch (key.Node)
            {
                case ObjectSchema child:
                    CheckRequired(child, layer, childPath, entry.Source);
                    break;
                case ListSchema { Items: ObjectSchema item }:
                    foreach (var element in (IReadOnlyList<ConfigEntry>)entry.Value)
                    {
                        CheckRequired(item, (ConfigLayer)element.Value, element.Path, element.Source);
                    }

                    break;
                case MapSchema { Values: ObjectSchema value }:
                    foreach (var (_, element) in (IReadOnlyList<KeyValuePair<string, ConfigEntry>>)entry.Value)
                    {
                        CheckRequired(value, (ConfigLayer)element.Value, element.Path, element.Source);
                    }

                    break;
            }
        }

        if (schema.RequireAnyOf is { } anyOf && !anyOf.Any(name => layer.IsGiven(Child(name))))
        {
            var names = string.Join(", ", anyOf.Select(n => $"`{n}`"));
            Report(DiagnosticCode.MissingKey, at, $"`{path}` sets none of {names}; expected at least one");
        }

        if (schema.MinKeys > 0 && !layer.HasAnyUnder(path))
        {
            Report(
                DiagnosticCode.MissingKey,
                at,
                string.Create(CultureInfo.InvariantCulture, $"`{path}` is empty; expected at least {schema.MinKeys} {schema.KeyNoun} of: {string.Join(", ", schema.Keys.Select(k => k.Name))}"));
        }
    }

    /// <summary>The one rule JSON Schema cannot state: a metric's warning band lies at or above its failure threshold (whole set and every slice).</summary>
    private void CheckWarnAboveFail()
    {
        CheckWarnAboveFail(merged, "thresholds");
        if (merged.TryGet("slices", out var slices) && slices.Value is IReadOnlyList<ConfigEntry> items)
        {
            foreach (var item in items)
            {
                CheckWarnAboveFail((ConfigLayer)item.Value, item.Path);
            }
        }
    }

    private void CheckWarnAboveFail(ConfigLayer layer, string prefix)
    {
        foreach (var metric in GateMetricNames.All)
        {
            var path = $"{prefix}.{metric.ToName()}";
            if (layer.TryGet($"{path}.fail-below", out var fail)
                && layer.TryGet($"{path}.warn-below", out var warn)
                && (double)warn.Value < (double)fail.Value)
            {
                Report(
                    DiagnosticCode.WarnBelowFail,
                    warn.Source,
                    string.Create(CultureInfo.InvariantCulture, $"`{path}.warn-below` ({warn.Value}) is lower than `fail-below` ({fail.Value}); the warning band must lie at or above the failure threshold"));
            }
        }
    }

    private void CheckFileExists(string path)
    {
        if (!merged.TryGet(path, out var entry))
        {
            return;
        }

        var file = (string)entry.Value;
        if (Directory.Exists(file))
        {
            Report(DiagnosticCode.FileNotFound, entry.Source, $"`{path}`: `{file}` is a directory; expected a file");
        }
        else if (!File.Exists(file))
        {
            Report(DiagnosticCode.FileNotFound, entry.Source, $"`{path}`: file `{file}` does not exist");
        }
    }

    private void CheckSeparator()
    {
        if (merged.TryGet("data.path", out var data)
            && !merged.IsGiven("data.separator")
            && !Directory.Exists((string)data.Value) // already reported as not a file
            && GateOptionsBuilder.SeparatorFor((string)data.Value) is null)
        {
            Report(
                DiagnosticCode.InvalidValue,
                data.Source,
                $"`data.path`: cannot tell the separator of `{Path.GetFileName((string)data.Value)}`; use a .csv or .tsv file or set `data.separator`");
        }
    }

    private void Report(DiagnosticCode code, ValueSource at, string message) => problems.Add(at.Origin switch
    {
        ValueOrigin.File => new(code, at.File!, at.Line, at.Column, message),
        ValueOrigin.Override => new(code, at.File!, 0, 0, message),
        _ => new(code, configurationFile, 0, 0, message),
    });
}
