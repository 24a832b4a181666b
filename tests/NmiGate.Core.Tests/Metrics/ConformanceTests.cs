namespace NmiGate.Core.Tests.Metrics;

/// <summary>Every published scikit-learn / torchmetrics value in shared/conformance must be reproduced.</summary>
public sealed class ConformanceTests
{
    public static TheoryData<string> VectorIds() => new(ConformanceVector.All.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void All_321_published_vectors_are_loaded()
    {
        Assert.Equal(321, ConformanceVector.All.Count);
    }

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void Metric_matches_the_published_reference_value(string id)
    {
        var vector = ConformanceVector.All[id];
        var actual = vector.Compute();
        Assert.False(double.IsNaN(actual), $"{id}: NaN");
        Assert.True(
            Math.Abs(actual - vector.ReferenceValue) <= vector.Tolerance,
            $"{id} {vector.Metric}: expected {vector.ReferenceValue:R}, got {actual:R} (difference {Math.Abs(actual - vector.ReferenceValue):E2}).");
    }
}
