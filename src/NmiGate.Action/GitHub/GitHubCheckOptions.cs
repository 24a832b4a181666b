using System.CommandLine;
using NmiGate.Core.Diagnostics;
using NmiGate.Core.Gating;
using NmiGate.Core.Reporting;

namespace NmiGate.Action.GitHub;

/// <summary>
/// <c>check</c>'s GitHub behaviour, kept apart from the gate itself: on a runner
/// (<c>GITHUB_ACTIONS=true</c>) or with <c>--github</c>, the result is published (annotations,
/// sticky PR comment, job summary, outputs); with <c>--report-dir</c> it is also written for the
/// fork-safe <c>publish</c> phase.
/// </summary>
internal sealed class GitHubCheckOptions(HostEnvironment environment)
{
    private readonly Option<bool> github = new("--github")
    {
        Description = "Publish to GitHub (annotations, PR comment, job summary, step outputs) even when GITHUB_ACTIONS is not true.",
    };

    private readonly Option<bool> comment = new("--comment")
    {
        Description = "On GitHub, create or update the gate's sticky PR comment (true by default; false for a read-only token).",
        DefaultValueFactory = _ => true,
    };

    private readonly Option<string?> reportDir = new("--report-dir")
    {
        Description = "Also write the report to this folder for 'nmigate publish' (fork-safe two-phase workflows).",
        HelpName = "FOLDER",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(github);
        command.Options.Add(comment);
        command.Options.Add(reportDir);
    }

    /// <summary>
    /// True when <see cref="Publish"/> will write a report (a runner, <c>--github</c> or <c>--report-dir</c>):
    /// the check then keeps its aligned rows so the report can show moved ids.
    /// </summary>
    public bool WritesReport(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return parseResult.GetValue(reportDir) is not null || parseResult.GetValue(github) || GitHubContext.From(environment).IsActions;
    }

    /// <summary>Publishes <paramref name="result"/> when GitHub behaviour is on; returns <paramref name="exitCode"/> unchanged (publishing never changes the verdict).</summary>
    public int Publish(ParseResult parseResult, GateResult result, int exitCode, TextWriter commands)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var context = GitHubContext.From(environment);
        var folder = parseResult.GetValue(reportDir);
        var enabled = context.IsActions || parseResult.GetValue(github);
        if (!enabled && folder is null)
        {
            return exitCode;
        }

        var gitHubEvent = GitHubEventReader.Read(context.EventName, context.EventPath);
        // One report for every place it goes: report.json, report.md, the job summary and the PR comment.
        var report = ReportFiles.Build(result);
        var jsonPath = ReportJsonPath(folder, result.GateName);
        if (jsonPath is not null)
        {
            ReportFiles.WriteJson(report, jsonPath);
        }

        var request = GateResultPublication.From(result, jsonPath, path => RepositoryPath(context, path), report);
        if (folder is not null)
        {
            ReportDirectory.Write(folder, request, gitHubEvent.PullRequestNumber, gitHubEvent.HeadSha ?? context.Sha);
        }

        if (enabled)
        {
            var target = new PublishTarget(parseResult.GetValue(comment), gitHubEvent.PullRequestNumber, gitHubEvent.HeadSha);
            new GitHubPublisher(context, commands, parseResult.InvocationConfiguration.Error).Publish(request, target);
        }

        return exitCode;
    }

    /// <summary>
    /// Runs the check; when it cannot evaluate, still publishes verdict <c>error</c> (outputs,
    /// summary, annotations) on GitHub, then lets the error reach the usual handler (exit 2).
    /// </summary>
    public int Guard(ParseResult parseResult, Func<int> check)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            return check();
        }
        catch (NmiGateException exception)
        {
            var context = GitHubContext.From(environment);
            var folder = parseResult.GetValue(reportDir);
            var enabled = context.IsActions || parseResult.GetValue(github);
            if (enabled || folder is not null)
            {
                // The gate's name may be what failed to load, so an error has no sticky comment to key on.
                var request = GateResultPublication.FromError(exception.FormatLines(), "nmigate", path => RepositoryPath(context, path));
                if (folder is not null)
                {
                    // The publish phase then reports the error in its summary instead of failing on a missing artifact.
                    ReportDirectory.Write(folder, request, null, GitHubEventReader.Read(context.EventName, context.EventPath).HeadSha ?? context.Sha);
                }

                if (enabled)
                {
                    var publisher = new GitHubPublisher(context, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
                    publisher.Publish(request, new PublishTarget(Comment: false, null, null));
                }
            }

            throw;
        }
    }

    private string? ReportJsonPath(string? folder, string gateName) =>
        folder is not null ? Path.GetFullPath(Path.Combine(folder, ReportFiles.JsonFileName))
        : environment["RUNNER_TEMP"] is { } temp ? Path.Combine(temp, "nmigate", gateName, ReportFiles.JsonFileName)
        : null;

    /// <summary>Annotation paths are relative to the checkout (GitHub matches them against the diff), with forward slashes.</summary>
    internal static string RepositoryPath(GitHubContext context, string path)
    {
        var root = context.Workspace ?? Environment.CurrentDirectory;
        var relative = Path.GetRelativePath(root, Path.GetFullPath(path, root));
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative).Replace('\\', '/');
    }
}
