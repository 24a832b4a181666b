using System.Globalization;
using Octokit;

namespace NmiGate.Action.GitHub;

/// <summary>
/// Publishes one gate run on GitHub: annotations, the sticky PR comment, the job summary and the
/// step outputs. Nothing here changes the verdict: a comment that cannot be posted is a warning.
/// </summary>
internal sealed class GitHubPublisher(GitHubContext context, TextWriter commands, TextWriter log)
{
    /// <summary>
    /// The most a step waits on GitHub's rate limits in total before skipping the comment. Kept
    /// under Octokit's 100 s request timeout, which also covers the waits inside one request.
    /// </summary>
    public static readonly TimeSpan MaxRateLimitWait = TimeSpan.FromSeconds(60);

    public void Publish(PublishRequest request, PublishTarget target)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(target);
        foreach (var annotation in request.Annotations)
        {
            commands.WriteLine(WorkflowCommands.Format(annotation));
        }

        var commentUrl = target.Comment ? Comment(request, target) : null;

        if (context.StepSummaryPath is { } summary)
        {
            StepSummary.Append(summary, request.Markdown, request.Headline);
        }

        if (context.OutputPath is { } output)
        {
            StepOutputs.Write(output, Outputs(request, commentUrl));
        }
    }

    public static IEnumerable<KeyValuePair<string, string>> Outputs(PublishRequest request, string? commentUrl)
    {
        ArgumentNullException.ThrowIfNull(request);
        yield return new("verdict", request.Verdict.ToWord());
        yield return new("nmi", Number(request.Nmi));
        yield return new("ami", Number(request.Ami));
        yield return new("report-json", request.ReportJsonPath ?? string.Empty);
        yield return new("comment-url", commentUrl ?? string.Empty);
        yield return new("summary", request.Headline);
    }

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private string? Comment(PublishRequest request, PublishTarget target)
    {
        if (target.PullRequest is not { } number)
        {
            log.WriteLine("nmigate: not a pull request run; no PR comment (the job summary has the report).");
            return null;
        }

        if (context.RepositoryParts is not { } repository)
        {
            Warn("GITHUB_REPOSITORY is not set to owner/name; the PR comment was skipped. It is set on every GitHub runner; set it when running elsewhere.");
            return null;
        }

        if (context.Token is not { } token)
        {
            Warn("No GitHub token: the PR comment was skipped. Pass one in the 'github-token' input (default: github.token) or GITHUB_TOKEN. " + CommentFailureHint.PermissionFix);
            return null;
        }

        var (owner, name) = repository;
        using var api = new GitHubApi(context.ApiUrl, token, MaxRateLimitWait);
        try
        {
            return CommentAsync(api, owner, name, number, request, target).GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is ApiException or HttpRequestException or TaskCanceledException)
        {
            Warn(CommentFailureHint.Describe(exception, number, context.Repository!, api.RetryHandler));
            return null;
        }
    }

    private async Task<string?> CommentAsync(GitHubApi api, string owner, string name, int number, PublishRequest request, PublishTarget target)
    {
        var pull = await api.Client.PullRequest.Get(owner, name, number).ConfigureAwait(false);
        if (target.RunHead is { } run && !BelongsToRun(pull, run))
        {
            Warn(string.Create(CultureInfo.InvariantCulture,
                $"The report names pull request #{number}, whose head ({pull.Head.Repository?.FullName}:{pull.Head.Ref} at {Short(pull.Head.Sha)}) is not the head of the workflow run that produced it ({run.HeadRepository}:{run.HeadBranch} at {Short(run.HeadSha)}). Nothing was posted: a report may only comment on its own pull request."));
            return null;
        }

        if (target.ReportCommit is { } commit && !string.Equals(commit, pull.Head.Sha, StringComparison.OrdinalIgnoreCase))
        {
            Warn($"This report is for commit {Short(commit)}, but pull request #{number}'s head is now {Short(pull.Head.Sha)}: a newer push is being checked by a later run, which will update the comment.");
        }

        var sticky = new StickyComment(api.Client, owner, name);
        var author = context.CommentAuthor ?? await sticky.AuthorAsync().ConfigureAwait(false);
        var body = Bounded(CommentMarker.Apply(request.Markdown, request.GateName, request.Verdict), request);
        var outcome = await sticky.PublishAsync(number, request.GateName, body, request.Verdict, author).ConfigureAwait(false);
        log.WriteLine($"nmigate: PR comment {outcome.Action.ToString().ToLowerInvariant()}: {outcome.Url}");
        if (outcome.NoticeUrl is { } notice)
        {
            log.WriteLine($"nmigate: the gate flipped to fail; notice posted: {notice}");
        }

        return outcome.Url;
    }

    /// <summary>A body over GitHub's limit is replaced by the headline and a pointer to the summary, never cut mid-table.</summary>
    private static string Bounded(string body, PublishRequest request) => body.Length <= StickyComment.MaxBodyLength
        ? body
        : CommentMarker.Apply(string.Create(CultureInfo.InvariantCulture,
            $"{request.Headline}\n\nThe full report ({body.Length} characters) is longer than a PR comment may be; it is in this run's job summary."), request.GateName, request.Verdict);

    private static bool BelongsToRun(PullRequest pull, GitHubEvent run) =>
        (run.HeadSha is not null && string.Equals(pull.Head.Sha, run.HeadSha, StringComparison.OrdinalIgnoreCase))
        || (run.HeadRepository is not null && run.HeadBranch is not null
            && string.Equals(pull.Head.Repository?.FullName, run.HeadRepository, StringComparison.OrdinalIgnoreCase)
            && string.Equals(pull.Head.Ref, run.HeadBranch, StringComparison.Ordinal));

    private static string Short(string? sha) => sha is { Length: > 12 } ? sha[..12] : sha ?? "unknown";

    /// <summary>A warning annotation; the token is masked in case a server ever echoed it back.</summary>
    private void Warn(string message)
    {
        if (context.Token is { Length: > 0 } token)
        {
            message = message.Replace(token, "***", StringComparison.Ordinal);
        }

        commands.WriteLine(WorkflowCommands.Format(new Annotation(AnnotationLevel.Warning, message, Title: "NmiGate PR comment")));
    }
}
