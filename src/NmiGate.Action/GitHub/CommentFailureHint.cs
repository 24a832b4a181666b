using System.Globalization;
using System.Net;
using Octokit;

namespace NmiGate.Action.GitHub;

/// <summary>Turns a failed comment request into a warning that says exactly how to fix it.</summary>
internal static class CommentFailureHint
{
    public const string PermissionFix =
        "Grant the job 'permissions: { pull-requests: write, contents: read }'. On a pull request from a fork the token is always read-only: "
        + "use the two-phase workflow (examples/customer-segmentation/workflows/nmigate-fork-safe-check.yml and -publish.yml: 'nmigate check --report-dir' on pull_request, 'nmigate publish' on workflow_run).";

    public static string Describe(Exception exception, int pullRequest, string repository, RateLimitRetryHandler retries)
    {
        var status = (exception as ApiException)?.StatusCode;
        var target = string.Create(CultureInfo.InvariantCulture, $"pull request #{pullRequest} in {repository}");
        if (retries.GaveUpOn is { } wait && status is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"GitHub rate-limited the comment on {target} and asked to wait {wait.TotalSeconds:0} s, past the {retries.Waited.TotalSeconds:0} s already waited and the bound on waiting; the comment was skipped, the verdict stands. Re-run the job later.");
        }

        return status switch
        {
            HttpStatusCode.Forbidden => $"The token may not comment on {target} (403: {exception.Message}). {PermissionFix}",
            HttpStatusCode.NotFound => $"GitHub answered 404 for {target}: the token cannot see it (a read-only or wrong-repository token answers so). {PermissionFix}",
            HttpStatusCode.UnprocessableEntity => $"GitHub rejected the comment on {target} (422: {exception.Message}). The body may be too long or the pull request locked; the verdict stands.",
            HttpStatusCode.Unauthorized => $"GitHub rejected the token (401) for {target}. Pass a valid token in the 'github-token' input (default: github.token).",
            { } code => string.Create(CultureInfo.InvariantCulture, $"Commenting on {target} failed ({(int)code}: {exception.Message}); the verdict stands."),
            null => $"Commenting on {target} failed ({exception.GetType().Name}: {exception.Message}); the verdict stands.",
        };
    }
}
