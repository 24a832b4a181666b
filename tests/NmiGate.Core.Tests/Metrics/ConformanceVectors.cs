using System.Globalization;
using System.Text.Json;
using NmiGate.Core.Metrics;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Metrics;

/// <summary>One published value from shared/conformance/sklearn-vectors.json.</summary>
internal sealed record ConformanceVector(
    string Id,
    string Metric,
    string? AverageMethod,
    double? Beta,
    string[] LabelsTrue,
    string[]? LabelsPred,
    double ReferenceValue)
{
    public static IReadOnlyDictionary<string, ConformanceVector> All { get; } = Load();

    /// <summary>The value NmiGate computes for this vector's metric and labels.</summary>
    public double Compute()
    {
        var table = ContingencyTable.FromLabels(LabelsTrue, LabelsPred ?? LabelsTrue);
        var average = AverageMethod is null
            ? Core.Metrics.AverageMethod.Arithmetic
            : Enum.Parse<AverageMethod>(AverageMethod, ignoreCase: true);
        return Metric switch
        {
            "entropy" => table.ReferenceEntropy,
            "mutual_info_score" => table.MutualInformation(),
            "expected_mutual_information" => table.ExpectedMutualInformation(),
            "normalized_mutual_info_score" => table.NormalizedMutualInformation(average),
            "adjusted_mutual_info_score" => table.AdjustedMutualInformation(average),
            "adjusted_rand_score" => table.AdjustedRandIndex(),
            "rand_score" => table.RandIndex(),
            "homogeneity_score" => table.Homogeneity(),
            "completeness_score" => table.Completeness(),
            "v_measure_score" => table.VMeasure(Beta ?? 1.0),
            "fowlkes_mallows_score" => table.FowlkesMallows(),
            _ => throw new InvalidOperationException($"Vector {Id}: unknown metric {Metric}."),
        };
    }

    /// <summary>1e-9, or 1e-8 for AMI and expected MI, as shared/conformance/README.md says.</summary>
    public double Tolerance => Metric is "adjusted_mutual_info_score" or "expected_mutual_information" ? 1e-8 : 1e-9;

    private static Dictionary<string, ConformanceVector> Load()
    {
        var path = Path.Combine(RepositoryPaths.Shared, "conformance", "sklearn-vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var vectors = new Dictionary<string, ConformanceVector>();
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var parameters = entry.GetProperty("params");
            var vector = new ConformanceVector(
                entry.GetProperty("id").GetString()!,
                entry.GetProperty("metric").GetString()!,
                parameters.TryGetProperty("average_method", out var average) ? average.GetString() : null,
                parameters.TryGetProperty("beta", out var beta) ? beta.GetDouble() : null,
                Labels(entry.GetProperty("labels_true"))!,
                Labels(entry.GetProperty("labels_pred")),
                entry.GetProperty("reference_value").GetDouble());
            vectors.Add(vector.Id, vector);
        }

        return vectors;
    }

    /// <summary>
    /// Labels as text keyed by value, so that equal numbers are one label whatever their JSON
    /// spelling (42 and 42.0, as numpy sees them) and strings stay distinct from numbers.
    /// </summary>
    private static string[]? Labels(JsonElement array) => array.ValueKind == JsonValueKind.Null
        ? null
        : array.EnumerateArray().Select(e => e.ValueKind switch
        {
            JsonValueKind.Number => "n:" + e.GetDouble().ToString("R", CultureInfo.InvariantCulture),
            JsonValueKind.String => "s:" + e.GetString(),
            _ => throw new InvalidOperationException($"Unexpected label {e}."),
        }).ToArray();
}
