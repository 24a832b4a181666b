using System.CommandLine;
using NmiGate.Action.GitHub;
using NmiGate.Core;

namespace NmiGate.Action.Commands;

/// <summary>
/// <c>nmigate publish</c>: the second, privileged phase of a fork-safe workflow. Posts a report
/// that <c>check --report-dir</c> wrote in an unprivileged job (downloaded as an artifact), after
/// validating its files and that its pull request belongs to the workflow run that produced it.
/// </summary>
internal static class PublishCommand
{
    public static Command Create(HostEnvironment environment)
    {
        var reportDir = new Option<string>("--report-dir")
        {
            Description = "The folder 'nmigate check --report-dir' wrote (the downloaded artifact).",
            HelpName = "FOLDER",
            Required = true,
        };
        var comment = new Option<bool>("--comment")
        {
            Description = "Create or update the gate's sticky PR comment (true by default).",
            DefaultValueFactory = _ => true,
        };
        var command = new Command("publish", "Publish a report written by 'check --report-dir' (PR comment, job summary, outputs, annotations). Exit 0 when published (whatever the gate's verdict), 2 when the report is invalid.")
        {
            reportDir,
            comment,
        };
        command.SetAction(parseResult =>
        {
            var context = GitHubContext.From(environment);
            var stored = ReportDirectory.Read(parseResult.GetRequiredValue(reportDir));
            var gitHubEvent = GitHubEventReader.Read(context.EventName, context.EventPath);
            // Under workflow_run the report is untrusted: it may only comment on the pull request of the run that made it.
            var runHead = gitHubEvent.Name == "workflow_run" ? gitHubEvent : null;
            if (runHead?.HeadSha is { } runSha && stored.HeadSha is { } reportSha && !string.Equals(runSha, reportSha, StringComparison.OrdinalIgnoreCase))
            {
                throw new GitHubHostException($"the report in '{parseResult.GetRequiredValue(reportDir)}' is for commit {reportSha}, but the workflow run that triggered this one checked {runSha}. Download the artifact of the triggering run (actions/download-artifact with run-id: github.event.workflow_run.id).");
            }

            var target = new PublishTarget(parseResult.GetValue(comment), stored.PullRequest, stored.HeadSha, runHead);
            new GitHubPublisher(context, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error)
                .Publish(stored.Request, target);
            parseResult.InvocationConfiguration.Output.WriteLine(stored.Request.Headline);
            return (int)ExitCode.Passed;
        });
        return command;
    }
}
