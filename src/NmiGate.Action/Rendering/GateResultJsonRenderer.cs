using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NmiGate.Core.Configuration;
using NmiGate.Core.Gating;
using NmiGate.Core.Metrics;

namespace NmiGate.Action.Rendering;

/// <summary><c>check --format json</c>: the gate, verdict, reference, rows, every metric and every rule, for machines.</summary>
internal static class GateResultJsonRenderer
{
    public static void Write(GateResult result, TextWriter output)
    {
        // Relaxed escaping keeps quotes in messages readable ('segments', not \u0027); the output is never embedded in HTML.
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("gate", result.GateName);
            json.WriteString("verdict", Word(result.Verdict));
            json.WriteBoolean("failed_on_warn", result.FailedOnWarn);
            json.WriteString("reference_version", result.ReferenceVersion);
            json.WriteNumber("rows", result.RowCount);
            json.WriteNumber("reference_clusters", result.Metrics.ReferenceClusters);
            json.WriteNumber("candidate_clusters", result.Metrics.CandidateClusters);
            json.WriteNumber("scoring_seconds", Math.Round(result.ScoringElapsed.TotalSeconds, 3));
            json.WriteStartObject("metrics");
            foreach (var entry in result.Metrics.Entries())
            {
                Number(json, entry.Key, entry.Value);
            }

            json.WriteEndObject();
            json.WriteStartArray("rules");
            foreach (var rule in result.Rules)
            {
                json.WriteStartObject();
                json.WriteString("metric", rule.Threshold.Metric.ToName());
                if (rule.Average is { } average)
                {
                    json.WriteString("average", MetricSet.AverageName(average));
                }
                else
                {
                    json.WriteNull("average");
                }

                Number(json, "value", rule.Value);
                Optional(json, "fail_below", rule.Threshold.FailBelow?.Value);
                Optional(json, "warn_below", rule.Threshold.WarnBelow?.Value);
                json.WriteString("verdict", Word(rule.Verdict));
                json.WriteString("message", rule.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("summary", result.Summary);
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static string Word(Verdict verdict) => GateResult.VerdictWord(verdict).ToLowerInvariant();

    // JSON has no NaN or infinity; null keeps the key and tells the reader there is no value.
    private static void Number(Utf8JsonWriter json, string key, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(key, value);
        }
        else
        {
            json.WriteNull(key);
        }
    }

    private static void Optional(Utf8JsonWriter json, string key, double? value)
    {
        if (value is { } v)
        {
            Number(json, key, v);
        }
        else
        {
            json.WriteNull(key);
        }
    }
}
