using System.Text;
using System.Text.Json;
using NmiGate.Core.Metrics;

namespace NmiGate.Action.Rendering;

/// <summary>
/// <c>compare --format json</c>: one object with <c>rows</c>, <c>reference_clusters</c>,
/// <c>candidate_clusters</c> and a <c>metrics</c> object keyed by <see cref="Core.Metrics.MetricEntry.Key"/>.
/// Numbers are written in the shortest form that round-trips, culture-invariant.
/// </summary>
internal static class ComparisonJsonRenderer
{
    public static void Write(MetricSet metrics, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("rows", metrics.Rows);
            json.WriteNumber("reference_clusters", metrics.ReferenceClusters);
            json.WriteNumber("candidate_clusters", metrics.CandidateClusters);
            json.WriteStartObject("metrics");
            foreach (var entry in metrics.Entries())
            {
                // JSON has no NaN or infinity; null keeps the key and tells the reader there is no value.
                if (double.IsFinite(entry.Value))
                {
                    json.WriteNumber(entry.Key, entry.Value);
                }
                else
                {
                    json.WriteNull(entry.Key);
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
