using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NmiGate.Core.Configuration.Schema;
using NmiGate.Core.Configuration.Yaml;
using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Configuration;

/// <summary>
/// Reads <c>nmigate.yml</c> strictly: the file is untrusted text, checked for size and encoding, parsed
/// by <see cref="YamlTreeReader"/>, and walked against <see cref="ConfigSchema"/>. Every problem is
/// collected; nothing throws for bad input.
/// </summary>
internal sealed partial class ConfigFileReader
{
    /// <summary>Far above any real configuration; bounds the work an untrusted file can cause.</summary>
    internal const int MaxFileBytes = 1 << 20;

    private readonly string file;
    private readonly string directory;
    private readonly List<ConfigurationProblem> problems = [];

    private ConfigFileReader(string file)
    {
        this.file = file;
        directory = Path.GetDirectoryName(file) ?? file;
    }

    /// <summary>Reads and checks the file at <paramref name="path"/> (relative paths against the current folder).</summary>
    public static ConfigFile Read(string path) => Read(path, ConfigSchema.Root);

    /// <summary>Reads the file against another root schema (tests of the walker itself).</summary>
    internal static ConfigFile Read(string path, ObjectSchema schemaRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException or PathTooLongException)
        {
            var invalid = new ConfigurationProblem(DiagnosticCode.InvalidConfigurationFile, path, 0, 0, $"not a valid path: {error.Message}");
            return new ConfigFile(path, new ConfigLayer(), [invalid], IsParsed: false);
        }

        var reader = new ConfigFileReader(fullPath);
        var layer = new ConfigLayer();
        var parsed = false;
        if (reader.ReadText() is { } text)
        {
            var root = YamlTreeReader.Read(text, reader.file, reader.problems);
            if (root is null)
            {
                if (reader.problems.Count == 0)
                {
                    reader.FileProblem(DiagnosticCode.InvalidConfigurationFile, "the file holds no YAML document; expected a mapping that starts with `version: 1`");
                }
            }
            else
            {
                // Only a mapping says anything about keys; for anything else "missing key" would be noise.
                parsed = root is YamlTreeMapping;
                reader.WalkValue(schemaRoot, root, root, string.Empty, layer);
            }
        }

        return new ConfigFile(reader.file, layer, [.. reader.problems.OrderBy(p => p.Line).ThenBy(p => p.Column)], parsed);
    }

    private string? ReadText()
    {
        try
        {
            if (Directory.Exists(file))
            {
                FileProblem(DiagnosticCode.InvalidConfigurationFile, "is a directory; expected the path of a configuration file such as nmigate.yml");
                return null;
            }

            var info = new FileInfo(file);
            if (!info.Exists)
            {
                FileProblem(DiagnosticCode.FileNotFound, "configuration file not found");
                return null;
            }

            if (info.Length > MaxFileBytes)
            {
                FileProblem(DiagnosticCode.InvalidConfigurationFile, string.Create(CultureInfo.InvariantCulture, $"the file is {info.Length} bytes; a configuration file is at most {MaxFileBytes} bytes"));
                return null;
            }

            var bytes = File.ReadAllBytes(file);
            if (bytes.Length == 0)
            {
                FileProblem(DiagnosticCode.InvalidConfigurationFile, "the file is empty; expected a mapping that starts with `version: 1`");
                return null;
            }

            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                FileProblem(DiagnosticCode.InvalidConfigurationFile, "the file is binary (it contains NUL bytes); expected UTF-8 YAML text");
                return null;
            }

            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            FileProblem(DiagnosticCode.InvalidConfigurationFile, "the file is not valid UTF-8 text");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            FileProblem(DiagnosticCode.InvalidConfigurationFile, $"the file cannot be read: {error.Message}");
        }

        return null;
    }

    /// <summary>Walks <paramref name="node"/> (the value of the key at <paramref name="keyNode"/>) into <paramref name="layer"/>.</summary>
    private void WalkValue(SchemaNode schema, YamlTreeNode keyNode, YamlTreeNode node, string path, ConfigLayer layer)
    {
        if (schema is ObjectSchema mapping)
        {
            if (node is YamlTreeRejected)
            {
                layer.Reject(path);
            }
            else if (node is not YamlTreeMapping yamlMapping)
            {
                WrongType(schema, node, path);
                layer.Reject(path);
            }
            else
            {
                if (path.Length > 0)
                {
                    layer.MarkSection(path, At(keyNode));
                }

                WalkObject(mapping, yamlMapping, path, layer);
            }

            return;
        }

        if (Convert(schema, node, path) is { } value)
        {
            layer.Set(path, value, At(node));
        }
        else
        {
            layer.Reject(path);
        }
    }

    private void WalkObject(ObjectSchema schema, YamlTreeMapping mapping, string path, ConfigLayer layer)
    {
        foreach (var (key, name, value) in DistinctEntries(mapping))
        {
            var childPath = path.Length == 0 ? name : $"{path}.{name}";
            if (schema.Find(name) is { } declared)
            {
                WalkValue(declared.Node, key, value, childPath, layer);
                continue;
            }

            var names = schema.Keys.Select(k => k.Name).ToArray();
            var suggestion = Suggestions.Closest(name, names);
            var where = path.Length == 0 ? string.Empty : $" in `{path}`";
            Report(
                schema.UnknownKeyCode,
                key,
                $"unknown {schema.KeyNoun} `{name}`{where}; expected one of: {string.Join(", ", names)}",
                suggestion);

            // The key the user probably meant counts as given (and refused), so a typo is one
            // problem, not also a "missing required key" for the key it was meant to be.
            layer.Reject(childPath);
            if (suggestion is not null)
            {
                layer.Reject(path.Length == 0 ? suggestion : $"{path}.{suggestion}");
            }
        }
    }

    /// <summary>The entries with text keys, reporting duplicates (all but the first) and refused keys.</summary>
    private IEnumerable<(YamlTreeNode Key, string Name, YamlTreeNode Value)> DistinctEntries(YamlTreeMapping mapping)
    {
        var first = new Dictionary<string, YamlTreeNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries)
        {
            if (key is not YamlTreeScalar scalar)
            {
                continue; // a refused key; already reported
            }

            if (first.TryGetValue(scalar.Value, out var earlier))
            {
                Report(DiagnosticCode.DuplicateKey, key, string.Create(CultureInfo.InvariantCulture, $"duplicate key `{scalar.Value}`; it is first defined at line {earlier.Line}"));
                continue;
            }

            first.Add(scalar.Value, key);
            yield return (key, scalar.Value, value);
        }
    }

    /// <summary>The typed value of <paramref name="node"/>, or <see langword="null"/> after reporting why it is refused.</summary>
    private object? Convert(SchemaNode schema, YamlTreeNode node, string path)
    {
        if (node is YamlTreeRejected)
        {
            return null;
        }

        switch (schema)
        {
            case ScalarSchema scalar:
                return ConvertScalar(scalar, node, path);
            case ListSchema list when node is YamlTreeSequence sequence:
                {
                    var items = new List<ConfigEntry>();
                    var ok = true;
                    for (var i = 0; i < sequence.Items.Count; i++)
                    {
                        var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
                        if (Convert(list.Items, sequence.Items[i], itemPath) is { } item)
                        {
                            items.Add(new(itemPath, item, At(sequence.Items[i])));
                        }
                        else
                        {
                            ok = false;
                        }
                    }

                    if (ok && items.Count < list.MinItems)
                    {
                        Report(DiagnosticCode.InvalidValue, node, string.Create(CultureInfo.InvariantCulture, $"{path}: expected at least {list.MinItems} item(s)"));
                        return null;
                    }

                    return ok ? items : null;
                }

            case MapSchema map when node is YamlTreeMapping mapping:
                {
                    var values = new List<KeyValuePair<string, ConfigEntry>>();
                    var ok = true;
                    foreach (var (_, name, value) in DistinctEntries(mapping))
                    {
                        var valuePath = $"{path}.{name}";
                        if (Convert(map.Values, value, valuePath) is { } converted)
                        {
                            values.Add(new(name, new(valuePath, converted, At(value))));
                        }
                        else
                        {
                            ok = false;
                        }
                    }

                    return ok ? values : null;
                }

            case ObjectSchema mappingSchema when node is YamlTreeMapping mapping:
                {
                    // A fixed-key mapping inside a list or map (e.g. a `slices` item) is its own layer,
                    // keyed by full paths (`slices[0].column`) so its messages read like any other.
                    var nested = new ConfigLayer();
                    WalkObject(mappingSchema, mapping, path, nested);
                    return nested;
                }

            default:
                WrongType(schema, node, path);
                return null;
        }
    }

    private object? ConvertScalar(ScalarSchema schema, YamlTreeNode node, string path)
    {
        if (node is not YamlTreeScalar scalar)
        {
            WrongType(schema, node, path);
            return null;
        }

        var type = scalar.IsPlain ? PlainType(scalar.Value) : CoreType.Text;
        object? value = (schema.Kind, type) switch
        {
            (ScalarKind.Text or ScalarKind.Path, CoreType.Text) => scalar.Value,
            (ScalarKind.WholeNumber, CoreType.Integer) => ParseInteger(scalar.Value),
            (ScalarKind.Number, CoreType.Integer or CoreType.Float) => ParseNumber(scalar.Value),
            _ => null,
        };

        if (value is null)
        {
            WrongType(schema, node, path, type);
            return null;
        }

        var violations = schema.Check(value).ToList();
        foreach (var violation in violations)
        {
            Report(violation.Code, node, $"{path}: {violation.Message}", violation.Suggestion);
        }

        if (violations.Count > 0)
        {
            return null;
        }

        if (schema.Kind == ScalarKind.Path)
        {
            return ResolvePath(directory, (string)value, path, node);
        }

        return value;
    }

    private string? ResolvePath(string baseDirectory, string value, string path, YamlTreeNode node)
    {
        try
        {
            return Path.GetFullPath(Path.Combine(baseDirectory, value));
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException or PathTooLongException)
        {
            Report(DiagnosticCode.InvalidValue, node, $"{path}: `{value}` is not a valid path ({error.Message})");
            return null;
        }
    }

    private void WrongType(SchemaNode schema, YamlTreeNode node, string path, CoreType? type = null)
    {
        if (node is YamlTreeScalar { IsPlain: true } plainScalar)
        {
            type ??= PlainType(plainScalar.Value);
        }

        var found = node switch
        {
            YamlTreeScalar { IsPlain: false } quoted when schema is ScalarSchema { Kind: ScalarKind.Number or ScalarKind.WholeNumber } =>
                $"the quoted text {quoted.Describe()}; remove the quotes",
            YamlTreeScalar plain when type is CoreType.Null => "nothing (null)",
            YamlTreeScalar plain when schema is ScalarSchema { Kind: ScalarKind.Text or ScalarKind.Path } =>
                $"the {Describe(type)} `{plain.Value}`; quote it (\"{plain.Value}\") to make it text",
            YamlTreeScalar plain when type is CoreType.Float && schema is ScalarSchema { Kind: ScalarKind.WholeNumber } =>
                $"the number `{plain.Value}`",
            YamlTreeScalar plain => $"the {Describe(type)} `{plain.Value}`",
            _ => node.Describe(),
        };
        var where = path.Length == 0 ? "the configuration" : $"`{path}`";
        Report(DiagnosticCode.WrongType, node, $"{where} expects {schema.Expected}, found {found}");
    }

    private static string Describe(CoreType? type) => type switch
    {
        CoreType.Integer => "whole number",
        CoreType.Float => "number",
        CoreType.Boolean => "boolean",
        CoreType.Null => "null",
        _ => "text",
    };

    /// <summary>How YAML 1.2's core schema types a plain (unquoted) scalar.</summary>
    private static CoreType PlainType(string value) => value switch
    {
        "" or "~" or "null" or "Null" or "NULL" => CoreType.Null,
        "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => CoreType.Boolean,
        _ when IntegerPattern().IsMatch(value) => CoreType.Integer,
        _ when FloatPattern().IsMatch(value) => CoreType.Float,
        _ => CoreType.Text,
    };

    private static long? ParseInteger(string value)
    {
        if (value.StartsWith("0x", StringComparison.Ordinal))
        {
            return long.TryParse(value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex : null;
        }

        if (value.StartsWith("0o", StringComparison.Ordinal))
        {
            return value.Length <= 23 ? value[2..].Aggregate(0L, (acc, digit) => (acc * 8) + (digit - '0')) : (long?)null;
        }

        return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole : null;
    }

    private static double ParseNumber(string value)
    {
        var unsigned = value.TrimStart('+', '-');
        var negative = value.StartsWith('-');
        return unsigned.ToLowerInvariant() switch
        {
            ".inf" => negative ? double.NegativeInfinity : double.PositiveInfinity,
            ".nan" => double.NaN,
            _ when unsigned.StartsWith("0x", StringComparison.Ordinal) || unsigned.StartsWith("0o", StringComparison.Ordinal) =>
                ParseInteger(value) ?? 0L,
            _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
    }

    private ValueSource At(YamlTreeNode node) => ValueSource.InFile(file, node.Line, node.Column);

    private void Report(DiagnosticCode code, YamlTreeNode at, string message, string? suggestion = null) =>
        problems.Add(new(code, file, at.Line, at.Column, message, suggestion));

    private void FileProblem(DiagnosticCode code, string message) => problems.Add(new(code, file, 0, 0, message));

    [GeneratedRegex("^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    private enum CoreType
    {
        Null,
        Boolean,
        Integer,
        Float,
        Text,
    }
}
