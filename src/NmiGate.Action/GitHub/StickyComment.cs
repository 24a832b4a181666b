using Octokit;

namespace NmiGate.Action.GitHub;

/// <summary>What happened to the sticky comment.</summary>
internal enum CommentAction
{
    /// <summary>No comment of this gate by this author existed: one was created.</summary>
    Created,

    /// <summary>The existing comment was edited in place.</summary>
    Updated,

    /// <summary>The existing comment already had this body: nothing was sent.</summary>
    Unchanged,
}

/// <summary>The sticky comment after publishing.</summary>
/// <param name="Action">Created, updated or unchanged.</param>
/// <param name="Url">The comment's address.</param>
/// <param name="NoticeUrl">The short flip notice, when the verdict went from pass (or warn) to fail.</param>
internal sealed record CommentOutcome(CommentAction Action, string Url, string? NoticeUrl);

/// <summary>
/// One comment per (pull request, gate), found by its hidden marker and its author, updated in
/// place. Matching the author too means a comment someone else wrote (or quoted) with the same
/// marker is never edited, and cannot hijack the gate's comment.
/// </summary>
internal sealed class StickyComment(IGitHubClient client, string owner, string repository)
{
    /// <summary>The most GitHub serves per page; fewer requests on long threads.</summary>
    public const int PageSize = 100;

    /// <summary>GitHub rejects a comment body over 65,536 characters.</summary>
    public const int MaxBodyLength = 65_536;

    /// <summary>The login the default <c>GITHUB_TOKEN</c> comments as.</summary>
    public const string ActionsBot = "github-actions[bot]";

    /// <summary>
    /// The token's login. An installation token (the default <c>GITHUB_TOKEN</c>) may not read
    /// <c>/user</c>; its comments are then <c>github-actions[bot]</c>'s.
    /// </summary>
    public async Task<string> AuthorAsync()
    {
        try
        {
            return (await client.User.Current().ConfigureAwait(false)).Login;
        }
        catch (ApiException exception) when (exception.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Unauthorized)
        {
            return ActionsBot;
        }
    }

    public async Task<CommentOutcome> PublishAsync(int pullRequest, string gateName, string body, PublishVerdict verdict, string author)
    {
        var comments = await client.Issue.Comment.GetAllForIssue(owner, repository, pullRequest, new ApiOptions { PageSize = PageSize }).ConfigureAwait(false);
        var existing = comments.FirstOrDefault(c => CommentMarker.IsFor(c.Body, gateName)
            && string.Equals(c.User?.Login, author, StringComparison.OrdinalIgnoreCase));
        if (existing is null)
        {
            var created = await client.Issue.Comment.Create(owner, repository, pullRequest, body).ConfigureAwait(false);
            return new CommentOutcome(CommentAction.Created, created.HtmlUrl, null);
        }

        var action = CommentAction.Unchanged;
        if (!CommentMarker.SameBody(existing.Body, body))
        {
            await client.Issue.Comment.Update(owner, repository, existing.Id, body).ConfigureAwait(false);
            action = CommentAction.Updated;
        }

        // Editing a comment notifies nobody; a gate that just started failing deserves a notification.
        string? noticeUrl = null;
        if (verdict == PublishVerdict.Fail && CommentMarker.VerdictOf(existing.Body) is PublishVerdict.Pass or PublishVerdict.Warn)
        {
            var notice = $"<!-- nmigate-notice:{gateName} -->\nNmiGate gate `{gateName}` now **fails** (it passed before). See the updated report: {existing.HtmlUrl}\n";
            noticeUrl = (await client.Issue.Comment.Create(owner, repository, pullRequest, notice).ConfigureAwait(false)).HtmlUrl;
        }

        return new CommentOutcome(action, existing.HtmlUrl, noticeUrl);
    }
}
