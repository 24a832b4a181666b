using System.CommandLine;
using NmiGate.Action.Rendering;
using NmiGate.Core.Metrics;

namespace NmiGate.Action.Commands;

/// <summary>The <c>--format</c> and <c>--average</c> options of the commands that print every metric, and the printing.</summary>
internal sealed class ComparisonOutput
{
    private readonly Option<string> format = new("--format")
    {
        Description = "Output format: text (a table for people) or json (every metric, for machines).",
        DefaultValueFactory = _ => "text",
        HelpName = "text|json",
    };

    private readonly Option<string> average = new("--average")
    {
        Description = "Normalisation of the NMI and AMI shown first in the text output; JSON always has all four.",
        DefaultValueFactory = _ => "arithmetic",
        HelpName = "min|geometric|arithmetic|max",
    };

    public ComparisonOutput()
    {
        format.AcceptOnlyFromAmong("text", "json");
        average.AcceptOnlyFromAmong("min", "geometric", "arithmetic", "max");
    }

    /// <summary>The chosen normalisation (also the one a <c>--fail-below</c> applies to).</summary>
    public AverageMethod Average(ParseResult parseResult) =>
        Enum.Parse<AverageMethod>(parseResult.GetRequiredValue(average), ignoreCase: true);

    public void AddTo(Command command)
    {
        command.Options.Add(format);
        command.Options.Add(average);
    }

    /// <summary>Prints <paramref name="metrics"/> in the chosen format; <paramref name="sources"/> name the inputs in the text form.</summary>
    public void Write(ParseResult parseResult, MetricSet metrics, IReadOnlyList<(string Role, string Path)> sources)
    {
        var output = parseResult.InvocationConfiguration.Output;
        if (Enum.Parse<OutputFormat>(parseResult.GetRequiredValue(format), ignoreCase: true) == OutputFormat.Json)
        {
            ComparisonJsonRenderer.Write(metrics, output);
        }
        else
        {
            ComparisonTextRenderer.Write(metrics, sources, Average(parseResult), output);
        }
    }
}
