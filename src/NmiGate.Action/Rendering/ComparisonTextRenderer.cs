using System.Globalization;
using NmiGate.Core.Metrics;

namespace NmiGate.Action.Rendering;

/// <summary>
/// <c>compare</c>'s default output for people: a summary line, the two files, an aligned table of
/// every metric with what it means (the chosen NMI and AMI first), and the ML.NET note.
/// </summary>
internal static class ComparisonTextRenderer
{
    private const string ValueFormat = "0.000000";

    public static void Write(MetricSet metrics, IReadOnlyList<(string Role, string Path)> sources, AverageMethod headline, TextWriter output)
    {
        output.WriteLine(
            $"{Count(metrics.Rows, "row")} compared: {Count(metrics.ReferenceClusters, "reference cluster")}, {Count(metrics.CandidateClusters, "candidate cluster")}");
        foreach (var (role, path) in sources)
        {
            output.WriteLine($"  {role,-9}  {path}");
        }

        output.WriteLine();

        var entries = metrics.EntriesFor(headline);
        var values = entries.Select(e => e.Value.ToString(ValueFormat, CultureInfo.InvariantCulture)).ToArray();
        var nameWidth = Math.Max("Metric".Length, entries.Max(e => e.Name.Length));
        var valueWidth = Math.Max("Value".Length, values.Max(v => v.Length));
        var descriptionWidth = Math.Max("Meaning".Length, entries.Max(e => e.Description.Length));
        WriteRow(output, "Metric", nameWidth, "Value", valueWidth, "Meaning");
        WriteRow(output, new string('-', nameWidth), nameWidth, new string('-', valueWidth), valueWidth, new string('-', descriptionWidth));
        for (var i = 0; i < entries.Count; i++)
        {
            WriteRow(output, entries[i].Name, nameWidth, values[i], valueWidth, entries[i].Description);
        }

        output.WriteLine();
        output.WriteLine($"Note: {MetricSet.MlNetNmiNote}");
    }

    private static string Count(long n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");

    private static void WriteRow(TextWriter output, string name, int nameWidth, string value, int valueWidth, string description) =>
        output.WriteLine($"{name.PadRight(nameWidth)}  {value.PadLeft(valueWidth)}  {description}");
}
