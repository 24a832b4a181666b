using System.Text.Json.Serialization;

namespace NmiGate.Core.Gating;

/// <summary>
/// Source-generated JSON for <see cref="HistoryRecord"/>: one compact camelCase object per line, strict
/// on read (every field present, nulls written out, non-nullable fields non-null, numbers as numbers). Unknown fields are allowed so a
/// newer NmiGate's records stay readable.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = false,
    MaxDepth = 8,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(HistoryRecord))]
internal sealed partial class HistoryJsonContext : JsonSerializerContext;
