using System.CommandLine;
using NmiGate.Action.Rendering;
using NmiGate.Core;
using NmiGate.Core.Metrics;
using NmiGate.Core.Partitions;

namespace NmiGate.Action.Commands;

/// <summary><c>nmigate compare REFERENCE CANDIDATE</c>: every metric of two partition files joined by id.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var reference = new Argument<string>("REFERENCE")
        {
            Description = "The reference partition: a .csv (or tab-separated .tsv) file with a header and id and cluster columns.",
        };
        var candidate = new Argument<string>("CANDIDATE")
        {
            Description = "The candidate partition, same format; rows are joined to the reference by id.",
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: text (a table for people) or json (every metric, for machines).",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var average = new Option<string>("--average")
        {
            Description = "Normalisation of the NMI and AMI shown first in the text output; JSON always has all four.",
            DefaultValueFactory = _ => "arithmetic",
            HelpName = "min|geometric|arithmetic|max",
        };
        average.AcceptOnlyFromAmong("min", "geometric", "arithmetic", "max");
        var idColumn = new Option<string>("--id-column")
        {
            Description = "Header name of the id column in both files.",
            DefaultValueFactory = _ => PartitionColumns.Default.Id,
            HelpName = "NAME",
        };
        var clusterColumn = new Option<string>("--cluster-column")
        {
            Description = "Header name of the cluster column in both files.",
            DefaultValueFactory = _ => PartitionColumns.Default.Cluster,
            HelpName = "NAME",
        };

        var command = new Command("compare", "Compare two partitions of the same rows and print every metric (NMI, AMI, ARI, ...).")
        {
            reference,
            candidate,
            format,
            average,
            idColumn,
            clusterColumn,
        };
        command.SetAction(parseResult =>
        {
            var id = parseResult.GetRequiredValue(idColumn);
            var cluster = parseResult.GetRequiredValue(clusterColumn);
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(cluster) || string.Equals(id, cluster, StringComparison.Ordinal))
            {
                parseResult.InvocationConfiguration.Error.WriteLine(
                    $"nmigate: error: --id-column '{id}' and --cluster-column '{cluster}' must name two different, non-blank columns.");
                return (int)ExitCode.CouldNotEvaluate;
            }

            var columns = new PartitionColumns(id, cluster);
            var comparison = PartitionComparison.Compare(parseResult.GetRequiredValue(reference), parseResult.GetRequiredValue(candidate), columns);
            var output = parseResult.InvocationConfiguration.Output;
            if (Enum.Parse<OutputFormat>(parseResult.GetRequiredValue(format), ignoreCase: true) == OutputFormat.Json)
            {
                ComparisonJsonRenderer.Write(comparison, output);
            }
            else
            {
                var headline = Enum.Parse<AverageMethod>(parseResult.GetRequiredValue(average), ignoreCase: true);
                ComparisonTextRenderer.Write(comparison, headline, output);
            }

            return (int)ExitCode.Passed;
        });
        return command;
    }
}
