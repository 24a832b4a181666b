using System.Diagnostics;
using System.Globalization;
using NmiGate.Action.Tests.Support;

namespace NmiGate.Action.Tests.GitHub;

/// <summary>GitHub's rate limits (429, 403 with rate-limit headers) are waited out within a bound, then become warnings.</summary>
[Collection(TrainedModelsGroup.Name)]
public sealed class RateLimitTests(TrainedModels models)
{
    [Fact]
    public void A_429_with_retry_after_is_retried_after_the_wait_and_the_comment_is_created()
    {
        using var github = new GitHubGate(models);
        github.Server.Fail("POST", "/issues/7/comments", 429, """{"message":"You have exceeded a secondary rate limit."}""", 1, ("Retry-After", "1"));
        var clock = Stopwatch.StartNew();

        var run = github.CheckPassing();

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), clock.Elapsed.ToString());
        Assert.Equal(2, github.Server.Matching("POST", "/issues/7/comments").Count());
        Assert.Single(github.Comments);
        Assert.DoesNotContain("::warning", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_403_with_an_exhausted_primary_limit_waits_until_the_reset()
    {
        using var github = new GitHubGate(models);
        var reset = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        github.Server.Fail("GET", "/issues/7/comments", 403, """{"message":"API rate limit exceeded for installation ID 1."}""", 1,
            ("x-ratelimit-limit", "1000"), ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset));

        var run = github.CheckPassing();

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal(2, github.Server.Matching("GET", "/issues/7/comments").Count());
        Assert.Single(github.Comments);
    }

    [Fact]
    public void A_limit_that_resets_past_the_bound_is_not_waited_for_and_becomes_a_warning()
    {
        using var github = new GitHubGate(models);
        var reset = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        github.Server.Fail("GET", "/issues/7/comments", 403, """{"message":"API rate limit exceeded for installation ID 1."}""", 5,
            ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset));
        var clock = Stopwatch.StartNew();

        var run = github.CheckFailing();

        Assert.True(run.ExitCode == 1, run.Stdout + run.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), clock.Elapsed.ToString());
        Assert.Matches(@"::warning title=NmiGate PR comment::GitHub rate-limited the comment on pull request #7 in octo/models and asked to wait 36\d\d s", run.Stdout);
        Assert.Single(github.Server.Matching("GET", "/issues/7/comments"));
        Assert.Empty(github.Comments);
        Assert.Equal("fail", github.Runner.Outputs()["verdict"]);
    }

    [Fact]
    public void A_secondary_limit_403_with_a_long_retry_after_becomes_a_warning()
    {
        using var github = new GitHubGate(models);
        github.Server.Fail("POST", "/issues/7/comments", 403, """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again."}""", 5, ("Retry-After", "900"));

        var run = github.CheckPassing();

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("asked to wait 900 s", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(github.Comments);
    }
}
