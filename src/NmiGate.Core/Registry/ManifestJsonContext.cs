using System.Text.Json.Serialization;

namespace NmiGate.Core.Registry;

/// <summary>
/// Source-generated (trim-safe) JSON for <see cref="Manifest"/>: camelCase, strict on read (every
/// required field present and non-null, no unknown fields, numbers as numbers, shallow nesting).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    NewLine = "\n",
    MaxDepth = ManifestFile.MaxDepth,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(Manifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
