using System.CommandLine;
using NmiGate.Action.GitHub;
using NmiGate.Action.Rendering;
using NmiGate.Core;
using NmiGate.Core.Gating;
using NmiGate.Core.Reporting;

namespace NmiGate.Action.Commands;

/// <summary><c>nmigate check</c>: score the model, compare with the registered reference, apply the thresholds.</summary>
internal static class CheckCommand
{
    public static Command Create(HostEnvironment? environment = null)
    {
        var host = environment ?? HostEnvironment.Process;
        var github = new GitHubCheckOptions(host);
        var gate = GateOptionsArguments.ForScoring(withReferenceVersion: true);
        var failOnWarn = new Option<bool>("--fail-on-warn") { Description = "Treat a warning as a failure (exit 1)." };
        var record = new Option<bool>("--record")
        {
            Description = "Append the result (metrics, intervals, hashes, commit, time, verdict) to <registry>/<name>/history.jsonl, the baseline of thresholds.max-drop. Meant for a main-branch job that commits the file.",
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: text (for people) or json (the verdict, every metric and every rule, for machines).",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("check", "Score the model, compare it with the registered reference and apply the rules (thresholds, max-drop, slices). Exit 0 pass (warnings allowed), 1 gate failed, 2 could not evaluate.");
        gate.AddTo(command);
        command.Options.Add(failOnWarn);
        command.Options.Add(record);
        command.Options.Add(format);
        github.AddTo(command);
        // Ctrl+C cancels the token; scoring observes it every few thousand rows.
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(github.Guard(parseResult, () => Run(parseResult, cancellationToken))));
        return command;

        int Run(ParseResult parseResult, CancellationToken cancellationToken)
        {
            var options = gate.Load(parseResult);
            var progress = ScoringProgressReporter.For(parseResult.InvocationConfiguration.Error);
            var result = GateCheck.Run(options, new GateCheckOptions(parseResult.GetValue(failOnWarn), parseResult.GetValue(record), SampleMovedIds: github.WritesReport(parseResult)), progress, cancellationToken);
            progress.Finish(result.RowCount, result.ScoringElapsed);
            var output = parseResult.InvocationConfiguration.Output;
            var json = Enum.Parse<OutputFormat>(parseResult.GetRequiredValue(format), ignoreCase: true) == OutputFormat.Json;
            if (json)
            {
                GateResultJsonRenderer.Write(result, output);
            }
            else if (IsTerminal(output))
            {
                // People at a terminal get the compact report; logs and pipes keep the plain text tools and tests rely on.
                ConsoleReportRenderer.Write(ReportFiles.Build(result), output, ConsoleReportRenderer.UseColor(outputRedirected: false, host["NO_COLOR"], host["TERM"]));
                output.WriteLine(result.Summary);
            }
            else
            {
                GateResultTextRenderer.Write(result, output);
            }

            // A gate that could not evaluate (no rows, a NaN metric, no rule judged) is a misconfiguration, not a worse model.
            var exitCode = (int)(!result.IsEvaluated ? ExitCode.CouldNotEvaluate : result.Verdict == Verdict.Fail ? ExitCode.GateFailed : ExitCode.Passed);

            // Workflow commands go where they cannot corrupt --format json.
            return github.Publish(parseResult, result, exitCode, json ? parseResult.InvocationConfiguration.Error : output);
        }
    }

    /// <summary>True only for the process's own stdout when it is a terminal (not a pipe, file or test writer).</summary>
    private static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
}
