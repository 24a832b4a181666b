using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NmiGate.Core.Configuration;
using NmiGate.Core.Diagnostics;
using NmiGate.Core.Gating;
using NmiGate.Core.Metrics;

namespace NmiGate.Action.Rendering;

/// <summary><c>check --format json</c>: the gate, verdict, reference, rows, every metric, rule, slice and finding, and provenance, for machines.</summary>
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
            json.WriteBoolean("evaluated", result.IsEvaluated);
            json.WriteStartArray("rules");
            foreach (var rule in result.Rules)
            {
                Rule(json, rule);
            }

            json.WriteEndArray();
            json.WriteStartArray("slices");
            foreach (var slice in result.Slices)
            {
                json.WriteStartObject();
                json.WriteString("column", slice.Column);
                json.WriteString("value", slice.Value);
                json.WriteString("name", slice.Name);
                json.WriteNumber("rows", slice.RowCount);
                json.WriteNumber("min_rows", slice.MinRows);
                json.WriteBoolean("too_small", slice.IsTooSmall);
                json.WriteStartArray("rules");
                foreach (var rule in slice.Rules)
                {
                    Rule(json, rule);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var finding in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("code", finding.Code.ToCodeString());
                json.WriteString("severity", finding.SeverityWord);
                json.WriteString("message", finding.Message);
                if (finding.Location.Origin == ValueOrigin.File)
                {
                    json.WriteString("file", finding.Location.File);
                    json.WriteNumber("line", finding.Location.Line);
                    json.WriteNumber("column", finding.Location.Column);
                }
                else
                {
                    json.WriteString("file", finding.Location.Origin == ValueOrigin.Override ? finding.Location.File : result.ConfigurationFile);
                    json.WriteNull("line");
                    json.WriteNull("column");
                }

                json.WriteString("text", finding.Format(result.ConfigurationFile));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (result.Confidence is { } confidence)
            {
                json.WriteStartObject("confidence");
                json.WriteNumber("level", confidence.Level.Value);
                json.WriteNumber("resamples", confidence.Resamples.Value);
                json.WriteNumber("seed", confidence.Seed.Value);
                json.WriteString("gate_on", confidence.GateOn.Value == GateOn.Interval ? "interval" : "point");
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("confidence");
            }

            if (result.Provenance is { } provenance)
            {
                json.WriteStartObject("provenance");
                json.WriteString("model_sha256", provenance.ModelSha256);
                json.WriteString("data_sha256", provenance.DataSha256);
                json.WriteString("reference_sha256", provenance.ReferenceSha256);
                json.WriteString("reference_version", provenance.ReferenceVersion);
                json.WriteString("commit", provenance.Commit);
                json.WriteString("time", provenance.Time);
                json.WriteString("tool_version", provenance.ToolVersion);
                if (provenance.Seed is { } seed)
                {
                    json.WriteNumber("seed", seed);
                }
                else
                {
                    json.WriteNull("seed");
                }

                json.WriteEndObject();
            }

            json.WriteString("recorded_to", result.RecordedTo);
            json.WriteString("summary", result.Summary);
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void Rule(Utf8JsonWriter json, RuleOutcome rule)
    {
        json.WriteStartObject();
        json.WriteString("kind", rule.Kind == RuleKind.MaxDrop ? "max-drop" : "threshold");
        json.WriteString("metric", rule.Metric.ToName());
        if (rule.Average is { } average)
        {
            json.WriteString("average", MetricSet.AverageName(average));
        }
        else
        {
            json.WriteNull("average");
        }

        json.WriteString("slice", rule.Slice);
        Number(json, "value", rule.Value);
        if (rule.Interval is { } interval)
        {
            json.WriteStartObject("interval");
            Number(json, "lower", interval.Lower);
            Number(json, "upper", interval.Upper);
            json.WriteNumber("level", interval.Level);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("interval");
        }

        Optional(json, "fail_below", rule.FailBelow);
        Optional(json, "warn_below", rule.WarnBelow);
        Optional(json, "max_drop", rule.MaxDrop);
        Optional(json, "previous", rule.Previous);
        Optional(json, "delta", rule.Delta);
        json.WriteBoolean("applicable", rule.IsApplicable);
        json.WriteString("verdict", rule.Verdict is { } verdict ? Word(verdict) : "not_applicable");
        json.WriteString("code", rule.Finding?.Code.ToCodeString());
        json.WriteString("message", rule.Message);
        json.WriteEndObject();
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
