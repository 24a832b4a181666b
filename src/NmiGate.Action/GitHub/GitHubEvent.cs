namespace NmiGate.Action.GitHub;

/// <summary>What NmiGate needs from the event payload.</summary>
/// <param name="Name">The event name (<c>pull_request</c>, <c>pull_request_target</c>, <c>push</c>, <c>workflow_run</c>, ...).</param>
/// <param name="PullRequestNumber">The pull request to comment on, when the event is about one.</param>
/// <param name="HeadSha">The commit the event is about: the PR head, the pushed commit, or the workflow run's head.</param>
/// <param name="HeadRepository">The head's repository (<c>owner/name</c>); differs from the base for a fork.</param>
/// <param name="HeadBranch">The head branch, when known.</param>
/// <param name="BaseRepository">The repository the workflow runs in.</param>
internal sealed record GitHubEvent(
    string Name,
    int? PullRequestNumber,
    string? HeadSha,
    string? HeadRepository,
    string? HeadBranch,
    string? BaseRepository)
{
    /// <summary>An event we know nothing about (or none): no PR, no head.</summary>
    public static GitHubEvent None(string? name) => new(name ?? "unknown", null, null, null, null, null);

    /// <summary>True when the head lives in another repository (a fork): the default token is then read-only.</summary>
    public bool IsFork => HeadRepository is not null && BaseRepository is not null
        && !string.Equals(HeadRepository, BaseRepository, StringComparison.OrdinalIgnoreCase);
}
