using System.CommandLine;
using NmiGate.Core;
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
        var output = new ComparisonOutput();
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
            idColumn,
            clusterColumn,
        };
        output.AddTo(command);
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
            var referencePath = parseResult.GetRequiredValue(reference);
            var candidatePath = parseResult.GetRequiredValue(candidate);
            var comparison = PartitionComparison.Compare(referencePath, candidatePath, columns);
            output.Write(parseResult, comparison.Metrics, [("reference", referencePath), ("candidate", candidatePath)]);
            return (int)ExitCode.Passed;
        });
        return command;
    }
}
