using System.Text.Json.Serialization;

namespace NmiGate.Core.Reporting.Json;

/// <summary>Source-generated (trim-safe) JSON for the report: camelCase, compact, nulls written.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ReportDocument))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
