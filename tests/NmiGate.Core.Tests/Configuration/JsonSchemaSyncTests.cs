using System.Globalization;
using System.Text.Json;
using NmiGate.Core.Configuration.Schema;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Configuration;

/// <summary>
/// Keeps <c>schemas/nmigate.schema.json</c> (for editors) in step with the reader's declarative schema:
/// both are flattened to the same facts (key paths, types, required keys, enums, bounds, patterns,
/// lengths, defaults) and compared both ways.
/// </summary>
public sealed class JsonSchemaSyncTests
{
    /// <summary>Keywords that only annotate: they carry no rule the reader must share.</summary>
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal) { "$schema", "title", "description", "examples" };

    [Fact]
    public void The_json_schema_states_exactly_the_rules_of_the_reader_schema()
    {
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        FromReader(ConfigSchema.Root, null, "$", expected);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schemas", "nmigate.schema.json")));
        var actual = new SortedSet<string>(StringComparer.Ordinal);
        FromJson(json.RootElement, "$", actual);

        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"Reader rules missing from the JSON Schema:\n  {string.Join("\n  ", missing)}\nJSON Schema rules the reader lacks:\n  {string.Join("\n  ", extra)}");
        Assert.Contains("$.thresholds.ari.fail-below minimum=-1", actual);
    }

    [Fact]
    public void The_json_schema_declares_draft_2020_12()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schemas", "nmigate.schema.json")));

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", json.RootElement.GetProperty("$schema").GetString());
    }

    private static void FromReader(SchemaNode node, KeySchema? key, string path, ISet<string> facts)
    {
        if (key?.Default is { } defaultValue)
        {
            facts.Add($"{path} default={Literal(defaultValue)}");
        }

        switch (node)
        {
            case ObjectSchema mapping:
                facts.Add($"{path} type=object");
                facts.Add($"{path} additionalProperties=false");
                facts.Add($"{path} properties=[{string.Join(",", mapping.Keys.Select(k => k.Name).Order(StringComparer.Ordinal))}]");
                AddIfAny(facts, path, "required", mapping.Keys.Where(k => k.Required).Select(k => k.Name));
                AddIfAny(facts, path, "anyOfRequired", mapping.RequireAnyOf ?? []);
                if (mapping.MinKeys > 0)
                {
                    facts.Add(string.Create(CultureInfo.InvariantCulture, $"{path} minProperties={mapping.MinKeys}"));
                }

                foreach (var child in mapping.Keys)
                {
                    FromReader(child.Node, child, $"{path}.{child.Name}", facts);
                }

                break;
            case MapSchema map:
                facts.Add($"{path} type=object");
                FromReader(map.Values, null, $"{path}.*", facts);
                break;
            case ListSchema list:
                facts.Add($"{path} type=array");
                if (list.MinItems > 0)
                {
                    facts.Add(string.Create(CultureInfo.InvariantCulture, $"{path} minItems={list.MinItems}"));
                }

                FromReader(list.Items, null, $"{path}[]", facts);
                break;
            case ScalarSchema scalar:
                facts.Add($"{path} type=" + scalar.Kind switch
                {
                    ScalarKind.WholeNumber => "integer",
                    ScalarKind.Number => "number",
                    _ => "string",
                });
                AddNumber(facts, path, "minimum", scalar.Minimum);
                AddNumber(facts, path, "maximum", scalar.Maximum);
                AddNumber(facts, path, "const", scalar.Const);
                AddNumber(facts, path, "minLength", scalar.MinLength);
                AddNumber(facts, path, "maxLength", scalar.MaxLength);
                if (scalar.Pattern is { } pattern)
                {
                    facts.Add($"{path} pattern={pattern}");
                }

                if (scalar.Allowed is { } allowed)
                {
                    facts.Add($"{path} enum=[{string.Join(",", allowed)}]");
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown schema node {node.GetType().Name}; teach this test about it.");
        }
    }

    private static void FromJson(JsonElement node, string path, ISet<string> facts)
    {
        foreach (var property in node.EnumerateObject())
        {
            var name = property.Name;
            var value = property.Value;
            switch (name)
            {
                case "type" or "pattern":
                    facts.Add($"{path} {name}={value.GetString()}");
                    break;
                case "minimum" or "maximum" or "const" or "minLength" or "maxLength" or "minItems" or "minProperties":
                    facts.Add($"{path} {name}={value.GetDouble().ToString(CultureInfo.InvariantCulture)}");
                    break;
                case "default":
                    facts.Add($"{path} default={value.GetRawText()}");
                    break;
                case "enum":
                    facts.Add($"{path} enum=[{string.Join(",", value.EnumerateArray().Select(v => v.GetString()))}]");
                    break;
                case "required":
                    AddIfAny(facts, path, "required", value.EnumerateArray().Select(v => v.GetString()!));
                    break;
                case "anyOf":
                    // Only the "at least one of these keys" idiom: [{ "required": ["a"] }, { "required": ["b"] }].
                    AddIfAny(facts, path, "anyOfRequired", value.EnumerateArray().Select(alternative =>
                    {
                        Assert.Equal(["required"], alternative.EnumerateObject().Select(p => p.Name));
                        return Assert.Single(alternative.GetProperty("required").EnumerateArray()).GetString()!;
                    }));
                    break;
                case "properties":
                    facts.Add($"{path} properties=[{string.Join(",", value.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal))}]");
                    foreach (var child in value.EnumerateObject())
                    {
                        FromJson(child.Value, $"{path}.{child.Name}", facts);
                    }

                    break;
                case "additionalProperties" when value.ValueKind == JsonValueKind.False:
                    facts.Add($"{path} additionalProperties=false");
                    break;
                case "additionalProperties":
                    FromJson(value, $"{path}.*", facts);
                    break;
                case "items":
                    FromJson(value, $"{path}[]", facts);
                    break;
                case var annotation when Annotations.Contains(annotation):
                    break;
                default:
                    Assert.Fail($"{path}: keyword `{name}` is not understood by this test; the reader schema cannot be checked against it.");
                    break;
            }
        }
    }

    private static void AddIfAny(ISet<string> facts, string path, string what, IEnumerable<string> names)
    {
        var sorted = names.Order(StringComparer.Ordinal).ToList();
        if (sorted.Count > 0)
        {
            facts.Add($"{path} {what}=[{string.Join(",", sorted)}]");
        }
    }

    private static void AddNumber(ISet<string> facts, string path, string what, double? value)
    {
        if (value is { } number)
        {
            facts.Add($"{path} {what}={number.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static string Literal(object value) => value switch
    {
        string text => JsonSerializer.Serialize(text),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unexpected default {value}."),
    };
}
