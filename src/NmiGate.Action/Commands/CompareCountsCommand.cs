using System.CommandLine;
using System.Globalization;
using NmiGate.Core;
using NmiGate.Core.Metrics;
using NmiGate.Core.Partitions;

namespace NmiGate.Action.Commands;

/// <summary>
/// <c>nmigate compare-counts FILE...</c>: every metric of a contingency table counted elsewhere
/// (Spark, SQL), given as reference, candidate, count rows; several files (shards) are summed.
/// </summary>
internal static class CompareCountsCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Counts files (.csv, or .tsv) with a header naming the reference, candidate and count columns; several files are added up.",
            Arity = ArgumentArity.OneOrMore,
        };
        var referenceColumn = ColumnOption("--reference-column", CountsFile.DefaultColumns.Reference, "reference cluster label");
        var candidateColumn = ColumnOption("--candidate-column", CountsFile.DefaultColumns.Candidate, "candidate cluster label");
        var countColumn = ColumnOption("--count-column", CountsFile.DefaultColumns.Count, "number of rows in the pair");
        var failBelow = new Option<double?>("--fail-below")
        {
            Description = "Exit 1 when NMI (with --average) is below this value, in [0, 1]: a gate for tables counted elsewhere.",
            HelpName = "NMI",
        };
        failBelow.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } value && !(value >= 0 && value <= 1))
            {
                result.AddError($"--fail-below must lie in [0, 1]; got {value.ToString(CultureInfo.InvariantCulture)}.");
            }
        });
        var output = new ComparisonOutput();
        var command = new Command("compare-counts", "Print every metric of contingency counts made elsewhere (reference, candidate, count rows); shards are summed.")
        {
            files,
            referenceColumn,
            candidateColumn,
            countColumn,
            failBelow,
        };
        output.AddTo(command);
        command.SetAction(parseResult =>
        {
            var paths = parseResult.GetRequiredValue(files);
            var table = CountsFile.Read(paths, (parseResult.GetRequiredValue(referenceColumn), parseResult.GetRequiredValue(candidateColumn), parseResult.GetRequiredValue(countColumn)));
            var metrics = MetricSet.From(table);
            output.Write(parseResult, metrics, [.. paths.Select(p => ("counts", p))]);
            if (parseResult.GetValue(failBelow) is not { } threshold)
            {
                return (int)ExitCode.Passed;
            }

            var average = output.Average(parseResult);
            var nmi = metrics.Nmi(average);
            var holds = nmi >= threshold;
            parseResult.InvocationConfiguration.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"nmigate: NMI ({MetricSet.AverageName(average)}) = {nmi:0.0000} {(holds ? "holds" : "is below")} --fail-below {threshold:0.0000}: {(holds ? "PASS" : "FAIL")}"));
            return (int)(holds ? ExitCode.Passed : ExitCode.GateFailed);
        });
        return command;
    }

    private static Option<string> ColumnOption(string name, string fallback, string meaning) => new(name)
    {
        Description = $"Header name of the column holding the {meaning}.",
        DefaultValueFactory = _ => fallback,
        HelpName = "NAME",
    };
}
