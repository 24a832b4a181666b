using System.Text.Json.Serialization;

namespace NmiGate.MSBuild;

/// <summary>Source-generated, strict JSON for <see cref="GateStamp"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(GateStamp))]
internal sealed partial class GateStampJsonContext : JsonSerializerContext;
