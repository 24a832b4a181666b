namespace NmiGate.Action.GitHub;

/// <summary>Where and whether to comment.</summary>
/// <param name="Comment">False skips the comment (summary, outputs and annotations are still written).</param>
/// <param name="PullRequest">The pull request to comment on; null when the run is not about one.</param>
/// <param name="ReportCommit">The commit the report was computed for; a warning says so when the PR head has moved on.</param>
/// <param name="RunHead">
/// For <c>publish</c> (an untrusted report): the workflow run's head, which the pull request must
/// match (by head commit, or by head repository and branch) before anything is posted on it.
/// </param>
internal sealed record PublishTarget(bool Comment, int? PullRequest, string? ReportCommit, GitHubEvent? RunHead = null);
