namespace NmiGate.Core.Metrics;

/// <summary>One metric of a <see cref="MetricSet"/>, with the words every report uses for it.</summary>
/// <param name="Key">Stable snake_case key for machine output (JSON), e.g. <c>nmi_arithmetic</c>.</param>
/// <param name="Name">Short name for people, e.g. <c>NMI (arithmetic)</c>.</param>
/// <param name="Description">One line on what the number means.</param>
/// <param name="Value">The value.</param>
public readonly record struct MetricEntry(string Key, string Name, string Description, double Value);
