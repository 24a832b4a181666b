namespace NmiGate.Action.GitHub;

/// <summary>The <c>GITHUB_*</c> variables the runner sets for a step, read once.</summary>
/// <param name="IsActions">True when <c>GITHUB_ACTIONS=true</c>.</param>
/// <param name="Repository">The repository, <c>owner/name</c>.</param>
/// <param name="ApiUrl">The REST API root, used as given (github.com, GHES <c>/api/v3</c>, GHE.com, a test server).</param>
/// <param name="Sha">The commit the workflow checked out (for a pull request, its merge commit).</param>
/// <param name="EventName">The triggering event (<c>pull_request</c>, <c>push</c>, ...).</param>
/// <param name="EventPath">The event payload file.</param>
/// <param name="StepSummaryPath">The job summary file this step appends to.</param>
/// <param name="OutputPath">The step outputs file.</param>
/// <param name="Workspace">The checkout folder; annotation paths are made relative to it.</param>
/// <param name="Token">The token for the REST API (never printed).</param>
/// <param name="CommentAuthor">The login the sticky comment is found by, when the token cannot tell (<c>NMIGATE_COMMENT_AUTHOR</c>).</param>
internal sealed record GitHubContext(
    bool IsActions,
    string? Repository,
    Uri ApiUrl,
    string? Sha,
    string? EventName,
    string? EventPath,
    string? StepSummaryPath,
    string? OutputPath,
    string? Workspace,
    string? Token,
    string? CommentAuthor)
{
    public static readonly Uri DefaultApiUrl = new("https://api.github.com/");

    public static GitHubContext From(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var api = environment["GITHUB_API_URL"];
        return new GitHubContext(
            IsActions: string.Equals(environment["GITHUB_ACTIONS"], "true", StringComparison.OrdinalIgnoreCase),
            Repository: environment["GITHUB_REPOSITORY"],
            ApiUrl: api is null ? DefaultApiUrl : ParseApiUrl(api),
            Sha: environment["GITHUB_SHA"],
            EventName: environment["GITHUB_EVENT_NAME"],
            EventPath: environment["GITHUB_EVENT_PATH"],
            StepSummaryPath: environment["GITHUB_STEP_SUMMARY"],
            OutputPath: environment["GITHUB_OUTPUT"],
            Workspace: environment["GITHUB_WORKSPACE"],
            Token: environment["GITHUB_TOKEN"],
            CommentAuthor: environment["NMIGATE_COMMENT_AUTHOR"]);
    }

    /// <summary><c>owner</c> and <c>name</c> of <see cref="Repository"/>, or null when it is not <c>owner/name</c>.</summary>
    public (string Owner, string Name)? RepositoryParts =>
        Repository?.Split('/') is [{ Length: > 0 } owner, { Length: > 0 } name] ? (owner, name) : null;

    /// <summary>
    /// The API root with a trailing slash, so that Octokit's relative endpoints resolve under its
    /// path (<c>https://ghes.example/api/v3</c> + <c>repos/..</c>, not <c>https://ghes.example/repos/..</c>).
    /// </summary>
    private static Uri ParseApiUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new GitHubHostException($"GITHUB_API_URL '{text}' is not an http(s) URL. Leave it to the runner, or set it to your server's REST root (e.g. https://github.example.com/api/v3).");
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
