using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NmiGate.Core.Registry;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Registry;

/// <summary>
/// Keeps <c>schemas/manifest.schema.json</c> in step with the <see cref="Manifest"/> record: the
/// property names (nested objects included) and which of them are required must be the same both ways.
/// </summary>
public sealed class ManifestSchemaSyncTests
{
    private static readonly string SchemaPath = Path.Combine(RepositoryPaths.Root, "schemas", "manifest.schema.json");

    [Fact]
    public void Every_manifest_property_is_in_the_schema_and_every_schema_property_is_in_the_manifest()
    {
        var fromRecord = new SortedSet<string>(StringComparer.Ordinal);
        FromTypeInfo(ManifestJsonContext.Default.Manifest, "$", fromRecord);

        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var fromSchema = new SortedSet<string>(StringComparer.Ordinal);
        FromSchema(schema.RootElement, schema.RootElement, "$", fromSchema);

        var missing = fromRecord.Except(fromSchema).ToList();
        var extra = fromSchema.Except(fromRecord).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"In the Manifest record but not the schema:\n  {string.Join("\n  ", missing)}\nIn the schema but not the Manifest record:\n  {string.Join("\n  ", extra)}");
        Assert.Contains("$.comparison.metrics", fromSchema);
        Assert.Contains("$.model.sha256 required", fromSchema);
    }

    [Fact]
    public void The_manifest_schema_declares_draft_2020_12_and_format_version_1()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        Assert.Equal(Manifest.CurrentFormatVersion, schema.RootElement.GetProperty("properties").GetProperty("formatVersion").GetProperty("const").GetInt32());
    }

    [Fact]
    public void A_written_manifest_uses_only_properties_the_schema_declares()
    {
        using var workspace = new RegistryWorkspace();
        var model = workspace.Write("model.zip", "m");
        Directory.CreateDirectory(Path.Combine(workspace.Path, ".git"));
        workspace.Write(Path.Combine(".git", "HEAD"), new string('a', 40) + "\n");
        var version = workspace.Registry.Register(
            RegistryWorkspace.Gate, ["a", "b"], ["1", "2"], new RegistrationProvenance("1.0", model, model, "n"),
            new RegistrationComparison("v1", new Dictionary<string, double> { ["nmi_arithmetic"] = 0.5 }));

        using var written = JsonDocument.Parse(File.ReadAllText(version.ManifestPath));
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var declared = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(written.RootElement.EnumerateObject(), p => Assert.Contains(p.Name, declared));
        Assert.Equal(declared.Count, written.RootElement.EnumerateObject().Count());
    }

    private static void FromTypeInfo(JsonTypeInfo type, string path, ISet<string> facts)
    {
        var required = RequiredParameters(type);
        foreach (var property in type.Properties)
        {
            var at = $"{path}.{property.Name}";
            facts.Add(at);
            if (required.Contains(property.Name))
            {
                facts.Add(at + " required");
            }

            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType.Namespace == typeof(Manifest).Namespace)
            {
                FromTypeInfo(type.Options.GetTypeInfo(propertyType), at, facts);
            }
        }
    }

    /// <summary>Constructor parameters without a default value are required (RespectRequiredConstructorParameters).</summary>
    private static HashSet<string> RequiredParameters(JsonTypeInfo type)
    {
        var constructor = type.Type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.GetParameters()
            .Where(p => !p.HasDefaultValue)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static void FromSchema(JsonElement root, JsonElement node, string path, ISet<string> facts)
    {
        if (node.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!["#/$defs/".Length..];
            node = root.GetProperty("$defs").GetProperty(name);
        }

        if (!node.TryGetProperty("properties", out var properties))
        {
            return;
        }

        Assert.False(node.GetProperty("additionalProperties").GetBoolean(), $"{path} must set additionalProperties: false");
        var required = node.TryGetProperty("required", out var list)
            ? list.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var property in properties.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            facts.Add(at);
            if (required.Contains(property.Name))
            {
                facts.Add(at + " required");
            }

            FromSchema(root, property.Value, at, facts);
        }
    }
}
